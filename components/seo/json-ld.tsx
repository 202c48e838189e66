import { serializeJsonLd } from '@/lib/seo/json-ld';

/**
 * A page's schema.org JSON-LD (lib/seo/json-ld.ts), escaped so that no text in it can close the
 * script (`<` is written `\u003c`). A server component: it adds no script of its own to the page.
 */
export function JsonLd({ data, id }: { data: object; id?: string }) {
  return <script type="application/ld+json" id={id} dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
