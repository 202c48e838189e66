import { changed, toggleValue } from '@/lib/catalog/facet-params';
import type { FacetValue } from '@/lib/catalog/facets';
import { interpolate } from '@/lib/i18n/format';
import { PriceFilter } from './price-filter';
import { FacetValueLink } from './value-link';
import { facetName, valueLabel, type ListFacet } from './labels';
import type { FacetView } from './types';

/*
 * The facets as links: each value is an <a href> to the page with that value added (or removed,
 * when chosen), so they work before any script and a shopper can share what they chose. A value
 * no product would pass shows disabled, not as a link. Rendered twice by the page's layout (the
 * phone's disclosure, the desktop's sidebar; one is display:none), hence `idPrefix`.
 */

const SWATCHES: Record<string, string> = {
  black: '#1b1f23',
  white: '#ffffff',
  navy: '#1f2a44',
  red: '#c0392b',
  green: '#2e7d32',
  grey: '#8a929b',
  beige: '#d8c8a8',
  blue: '#2f6fc0',
  pink: '#e88fb0',
  yellow: '#f2c94c',
  orange: '#e67e22',
  brown: '#7b4a2b',
  purple: '#7d4fa8',
};

function Group({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <div role="group" aria-labelledby={id} className="space-y-2">
      <h3 id={id} className="text-sm font-semibold">
        {title}
      </h3>
      {children}
    </div>
  );
}

function ListGroup({ facet, values, view, idPrefix }: { facet: ListFacet; values: FacetValue[]; view: FacetView; idPrefix: string }) {
  const { params, href, locale, t } = view;
  if (values.length === 0) return null;
  const title = facetName(facet, t);
  return (
    <Group id={`${idPrefix}-${facet}`} title={title}>
      <ul className="flex flex-wrap gap-2">
        {values.map((v) => {
          const label = valueLabel(facet, v.value, locale, t);
          return (
            <li key={v.value}>
              <FacetValueLink
                href={href(toggleValue(params, facet, v.value))}
                label={label}
                name={interpolate(t.facetNamed, { facet: title, value: label })}
                count={v.count}
                selected={params[facet].includes(v.value)}
                view={view}
                swatch={facet === 'colour' ? SWATCHES[v.value] : undefined}
              />
            </li>
          );
        })}
      </ul>
    </Group>
  );
}

/** Availability: in stock at my store, for drive at my drive store; without a store, where to choose one. */
function AvailabilityGroup({ view, idPrefix }: { view: FacetView; idPrefix: string }) {
  const { params, href, t, facets, stores } = view;
  const options = [
    { key: 'store' as const, name: stores.store && interpolate(t.inStockAtStore, { store: stores.store }), count: facets.stock.store },
    { key: 'drive' as const, name: stores.drive && interpolate(t.availableForDrive, { store: stores.drive }), count: facets.stock.drive },
  ].filter((o): o is { key: 'store' | 'drive'; name: string; count: number } => o.name !== null && o.count !== null);
  return (
    <Group id={`${idPrefix}-stock`} title={t.availabilityFacet}>
      {options.length === 0 ? (
        <p className="text-sm text-muted">
          <a href={stores.chooseHref} className="font-medium text-brand-700 underline">
            {stores.chooseText}
          </a>{' '}
          {t.chooseStoreForFacet}
        </p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {options.map((o) => {
            const selected = params.stock === o.key;
            return (
              <li key={o.key}>
                <FacetValueLink
                  href={href(changed(params, { stock: selected ? null : o.key }))}
                  label={o.name}
                  name={o.name}
                  count={o.count}
                  selected={selected}
                  view={view}
                />
              </li>
            );
          })}
        </ul>
      )}
    </Group>
  );
}

export function FacetPanel({ view, idPrefix }: { view: FacetView; idPrefix: string }) {
  const { facets } = view;
  return (
    <div className="space-y-5">
      <AvailabilityGroup view={view} idPrefix={idPrefix} />
      <PriceFilter view={view} idPrefix={idPrefix} />
      <ListGroup facet="brand" values={facets.brand} view={view} idPrefix={idPrefix} />
      <ListGroup facet="size" values={facets.size} view={view} idPrefix={idPrefix} />
      <ListGroup facet="colour" values={facets.colour} view={view} idPrefix={idPrefix} />
    </div>
  );
}
