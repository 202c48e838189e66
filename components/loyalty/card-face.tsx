import type { Dictionary } from '@/lib/i18n/dictionary';
import { interpolate } from '@/lib/i18n/format';
import { Ean13Barcode } from './ean13-barcode';
import type { TierId } from './types';

type Props = { cardNumber: string; grouped: string; tier: TierId; qrSvg: string; t: Dictionary['card'] };

/**
 * The card itself, as the till sees it: the barcode as wide as the screen allows (about three
 * pixels a bar on a phone, what a till scanner reads comfortably), the number grouped to be read
 * out, and the QR code for scanners that prefer it. All drawn on the server, so the offline copy
 * shows it without any script.
 */
export function CardFace({ cardNumber, grouped, tier, qrSvg, t }: Props) {
  return (
    <section aria-label={t.title} className="overflow-hidden rounded-2xl bg-brand-600 text-white shadow-sm" data-testid="loyalty-card">
      <div className="flex items-center justify-between px-5 pt-4 pb-3">
        <span className="text-lg font-extrabold tracking-tight">Comptoir</span>
        <span className="rounded-full bg-white/15 px-3 py-1 text-xs font-semibold tracking-wide uppercase" data-testid="card-tier-badge">
          {t[`tier_${tier}`]}
        </span>
      </div>
      <div className="mx-3 mb-3 rounded-xl bg-white px-3 pt-4 pb-3 text-ink">
        <Ean13Barcode value={cardNumber} label={interpolate(t.barcodeAlt, { number: grouped })} className="mx-auto block h-auto w-full max-w-md" />
        <p className="mt-2 text-center text-xs font-semibold tracking-wide text-muted uppercase">{t.cardNumber}</p>
        <p className="text-center font-mono text-2xl font-bold tracking-wider" data-testid="card-number">
          {grouped}
        </p>
      </div>
      <div className="flex justify-center bg-brand-700/40 px-5 py-4">
        <div
          role="img"
          aria-label={interpolate(t.qrAlt, { number: grouped })}
          className="size-36 rounded-lg bg-white p-2 [&>svg]:block [&>svg]:size-full"
          data-testid="card-qr"
          // qrcode's own SVG for a 13-digit number: no user-supplied markup reaches it.
          dangerouslySetInnerHTML={{ __html: qrSvg }}
        />
      </div>
    </section>
  );
}
