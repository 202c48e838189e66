import { changed, type FacetParams } from '@/lib/catalog/facet-params';
import { interpolate } from '@/lib/i18n/format';
import { FacetValueLink } from './value-link';
import { priceRangeLabel } from './labels';
import type { FacetView } from './types';

/**
 * The hidden fields that carry the page's other filters through the price form: those before the
 * price in the URL's order ahead of its inputs, the others after, so the form sends the links' URL.
 */
function carried(lead: Record<string, string>, p: FacetParams): { before: [string, string][]; after: [string, string][] } {
  const pairs = (key: string, values: string[]) => values.map((v): [string, string] => [key, v]);
  return {
    before: [...Object.entries(lead).filter(([, v]) => v !== ''), ...pairs('brand', p.brand), ...pairs('size', p.size), ...pairs('colour', p.colour)],
    after: [...pairs('stock', p.stock ? [p.stock] : []), ...pairs('sort', p.sort !== 'relevance' ? [p.sort] : [])],
  };
}

const Hidden = ({ fields }: { fields: [string, string][] }) =>
  fields.map(([name, value], i) => <input key={`${name}-${i}`} type="hidden" name={name} value={value} />);

/**
 * Price: the bands as links with their counts (the band chosen removes itself), and a GET form for
 * any other range — it works without a script, and what it sends is a URL like the links'.
 */
export function PriceFilter({ view, idPrefix }: { view: FacetView; idPrefix: string }) {
  const { params, facets, href, t, locale, formAction, lead } = view;
  const title = t.price;
  const fields = carried(lead, params);
  return (
    <div role="group" aria-labelledby={`${idPrefix}-price`} className="space-y-2">
      <h3 id={`${idPrefix}-price`} className="text-sm font-semibold">
        {title}
      </h3>
      <ul className="flex flex-wrap gap-2">
        {facets.price.map((band) => {
          const selected = params.min === band.min && params.max === band.max;
          const label = priceRangeLabel(band.min, band.max, locale, t);
          return (
            <li key={band.min}>
              <FacetValueLink
                href={href(selected ? changed(params, { min: null, max: null }) : changed(params, { min: band.min, max: band.max }))}
                label={label}
                name={interpolate(t.priceNamed, { range: label })}
                count={band.count}
                selected={selected}
                view={view}
              />
            </li>
          );
        })}
      </ul>
      <form method="get" action={formAction} className="flex flex-wrap items-end gap-2">
        <Hidden fields={fields.before} />
        <label className="w-28">
          <span className="label">{t.priceFormMin}</span>
          <input name="min" inputMode="decimal" defaultValue={params.min ?? ''} className="input" pattern="[0-9]+([.,][0-9]{1,2})?" />
        </label>
        <label className="w-28">
          <span className="label">{t.priceFormMax}</span>
          <input name="max" inputMode="decimal" defaultValue={params.max ?? ''} className="input" pattern="[0-9]+([.,][0-9]{1,2})?" />
        </label>
        <Hidden fields={fields.after} />
        <button type="submit" className="btn-secondary">
          {t.priceApply}
        </button>
      </form>
    </div>
  );
}
