/**
 * HTML written as text, for the few places that hand the browser markup React does not make: the
 * messages' mail bodies (lib/messages/compose.ts) and the store list's cards, which React does not
 * hydrate (components/stores/store-cards-html.ts).
 */

/** Text as it may stand in an element's content or a quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Markup already made safe: `html` puts it in as it is. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type Part = string | number | SafeHtml | null | undefined | false | readonly Part[];

/**
 * A template of markup whose every value is escaped, unless it is SafeHtml (another `html`):
 * html`<p title="${name}">${name}</p>`. A list is joined; null, undefined and false write nothing.
 * The template's own layout is not sent, as in JSX: a line break and the spaces around it are
 * dropped between elements and in text, and are one space inside a tag (between attributes). So
 * the markup can be laid out on lines (Prettier formats these templates as HTML); a space that
 * matters is written on its line, or comes from a value. The template's own text must not hold a
 * `<` or `>` other than its tags' (values are escaped, so theirs never count).
 */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  const layout = { inTag: false };
  let out = withoutLayout(strings[0]!, layout);
  for (let i = 0; i < values.length; i++) out += written(values[i]) + withoutLayout(strings[i + 1]!, layout);
  return new SafeHtml(out);
}

const LAYOUT_OR_TAG_EDGE = /\s*\n\s*|[<>]/g;

function withoutLayout(text: string, layout: { inTag: boolean }): string {
  return text.replace(LAYOUT_OR_TAG_EDGE, (found) => {
    if (found === '<' || found === '>') {
      layout.inTag = found === '<';
      return found;
    }
    return layout.inTag ? ' ' : '';
  });
}

function written(value: Part): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(written).join('');
  return escapeHtml(String(value));
}
