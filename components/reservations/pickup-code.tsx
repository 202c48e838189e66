type Props = { code: string; qrSvg: string; labels: { pickupCode: string; qrAlt: string } };

/**
 * The code the desk types or scans: large, monospaced and spaced so it can be read out; the QR
 * code beside it (an SVG drawn on the server, so it shows with no script and prints sharp).
 */
export function PickupCode({ code, qrSvg, labels }: Props) {
  return (
    <div className="flex flex-col items-center gap-4">
      <div className="text-center">
        <p className="text-xs font-semibold tracking-wide text-muted uppercase">{labels.pickupCode}</p>
        <p className="mt-1 pl-[0.3em] font-mono text-4xl font-bold tracking-[0.3em] text-ink" data-testid="pickup-code">
          {code}
        </p>
      </div>
      <div
        role="img"
        aria-label={labels.qrAlt}
        className="size-44 shrink-0 rounded-lg border border-line bg-white p-2 [&>svg]:block [&>svg]:size-full"
        data-testid="pickup-qr"
        // qrcode's own SVG output for a 6-letter code: no user-supplied markup reaches it.
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
    </div>
  );
}
