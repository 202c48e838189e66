'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useTransition } from 'react';
import type { Sku } from '@/lib/catalog/types';
import { localizedPath } from '@/lib/routing/public-url';
import { useRouteLocale } from '@/components/layout/route-locale';

type Props = {
  skus: Sku[];
  selectedId: number;
  labels: { size: string; colour: string; colon: string };
  colourNames: Record<string, string>;
  /** A size as the page's language says it ("128 Go" → "128 GB"); the stored label when absent. */
  sizeNames: Record<string, string>;
};

const swatch: Record<string, string> = {
  black: '#1f2328',
  white: '#ffffff',
  navy: '#1d2b53',
  red: '#c62828',
  green: '#2e7d32',
  grey: '#8a8f98',
  beige: '#d8c3a5',
  blue: '#1e6fd9',
  pink: '#e07aa5',
  yellow: '#f2c230',
  orange: '#ef7d22',
  brown: '#7a4e2d',
  purple: '#6f42c1',
};

function unique<T>(values: (T | null)[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== null))];
}

/**
 * Colour and size buttons. The chosen SKU lives in the URL (?sku=), so the server renders its
 * price and availability and the choice survives a reload or a shared link.
 */
export function OptionPicker({ skus, selectedId, labels, colourNames, sizeNames }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const locale = useRouteLocale();
  const [pending, startTransition] = useTransition();
  const selected = skus.find((s) => s.id === selectedId) ?? skus[0];
  if (!selected) return null;
  const colours = unique(skus.map((s) => s.colour));
  const sizes = unique(skus.map((s) => s.size));

  /** The SKU an option leads to from the selected one, or undefined when it leads nowhere new. */
  function target(next: { colour?: string | null; size?: string | null }): Sku | undefined {
    const colour = next.colour !== undefined ? next.colour : selected!.colour;
    const size = next.size !== undefined ? next.size : selected!.size;
    const match =
      skus.find((s) => s.colour === colour && s.size === size) ?? skus.find((s) => (next.colour !== undefined ? s.colour === colour : s.size === size));
    return match && match.id !== selected!.id ? match : undefined;
  }

  /**
   * Each option is a submit button of a GET form naming its SKU: tapped before the page's script
   * has started (the cached shell is on screen long before it), it loads `?sku=` like a link; once
   * hydrated, the URL is replaced in place.
   */
  function option(next: { colour?: string | null; size?: string | null }) {
    const to = target(next);
    if (!to) return { type: 'button' as const };
    return {
      type: 'submit' as const,
      name: 'sku',
      value: String(to.id),
      onClick: (e: React.MouseEvent) => {
        e.preventDefault();
        startTransition(() => {
          router.replace(localizedPath(`${pathname}?sku=${to.id}`, locale), { scroll: false });
          // An English page's URL is its route's own path (/en/p/…: the proxy's rewrite changes
          // nothing), so the router takes `?sku=` for a search parameter the kept page does not
          // read and shows the page it has, without asking. A French URL is rewritten (/p/… →
          // /fr/p/…), which the router cannot predict, so it asks. The refresh asks in English too:
          // the proxy then serves the SKU's own page (/p/<slug>~<id>).
          if (pathname.startsWith('/en/')) router.refresh();
        });
      },
    };
  }

  return (
    <form method="get" className="space-y-4" aria-busy={pending} data-pending={pending || undefined}>
      {colours.length > 0 && (
        <fieldset>
          <legend className="label">
            {labels.colour}
            {labels.colon} <span className="font-normal">{selected.colour ? (colourNames[selected.colour] ?? selected.colour) : ''}</span>
          </legend>
          <div className="flex flex-wrap gap-2">
            {colours.map((c) => (
              <button
                key={c}
                {...option({ colour: c })}
                aria-pressed={selected.colour === c}
                aria-label={colourNames[c] ?? c}
                title={colourNames[c] ?? c}
                className="grid h-11 w-11 place-items-center rounded-full border-2 border-transparent aria-pressed:border-brand-600"
              >
                <span className="h-8 w-8 rounded-full border border-line" style={{ background: swatch[c] ?? '#ccc' }} />
              </button>
            ))}
          </div>
        </fieldset>
      )}
      {sizes.length > 0 && (
        <fieldset>
          <legend className="label">{labels.size}</legend>
          <div className="flex flex-wrap gap-2">
            {sizes.map((size) => {
              const exists = skus.some((s) => s.size === size && s.colour === selected.colour);
              return (
                <button
                  key={size}
                  {...option({ size })}
                  aria-pressed={selected.size === size}
                  disabled={!exists}
                  className="min-h-11 min-w-12 rounded-lg border border-line bg-white px-3 text-sm font-semibold hover:border-brand-500 disabled:cursor-not-allowed disabled:text-muted disabled:line-through aria-pressed:border-brand-600 aria-pressed:bg-brand-600 aria-pressed:text-white"
                >
                  {sizeNames[size] ?? size}
                </button>
              );
            })}
          </div>
        </fieldset>
      )}
    </form>
  );
}
