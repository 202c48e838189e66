import type { Locale } from '@/lib/i18n/config';
import { escapeHtml } from '@/lib/html/escape';

/*
 * A message written once and rendered twice: as plain text and as HTML. The HTML is plain and
 * accessible — a language, a title, real headings, paragraphs, a table with header cells for the
 * lines, a descriptive link — with inline styles only (mail clients drop style sheets), one column,
 * readable on a phone. Every text is escaped: names and addresses come from shoppers.
 */

export type Block =
  | { kind: 'p'; text: string }
  /** Lines of an order or a cart, then its totals (the last one in bold). */
  | { kind: 'lines'; caption: string; rows: { label: string; detail?: string; amount: string }[]; totals?: { label: string; amount: string }[] }
  /** Several short lines kept together (an address). */
  | { kind: 'address'; lines: string[] }
  /** A link as a button in HTML; in text, its label and the URL on the next line. */
  | { kind: 'link'; label: string; url: string; lead?: string };

export type Composed = { subject: string; locale: Locale; greeting: string; blocks: Block[]; signature: string; footer?: string };

export function toText(m: Composed): string {
  const out: string[] = [m.greeting, ''];
  for (const b of m.blocks) {
    switch (b.kind) {
      case 'p':
        out.push(b.text, '');
        break;
      case 'lines':
        out.push(...b.rows.map((r) => `- ${r.label}${r.detail ? ` (${r.detail})` : ''} — ${r.amount}`));
        if (b.totals?.length) out.push('', ...b.totals.map((t) => `${t.label}${m.locale === 'fr' ? ' : ' : ': '}${t.amount}`));
        out.push('');
        break;
      case 'address':
        out.push(...b.lines, '');
        break;
      case 'link':
        if (b.lead) out.push(b.lead);
        out.push(b.url, '');
        break;
    }
  }
  out.push(m.signature);
  if (m.footer) out.push('', '--', m.footer);
  return out.join('\n');
}

const FONT = 'font-family:Helvetica,Arial,sans-serif;';
const TEXT = `${FONT}font-size:16px;line-height:1.5;color:#1f2937;`;
const CELL = 'padding:8px 0;border-bottom:1px solid #e5e7eb;vertical-align:top;';

function paragraphs(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'p':
      return `<p style="margin:0 0 16px;${TEXT}">${paragraphs(b.text)}</p>`;
    case 'address':
      return `<p style="margin:0 0 16px;${TEXT}">${b.lines.map(escapeHtml).join('<br>')}</p>`;
    case 'lines': {
      const rows = b.rows
        .map(
          (r) =>
            `<tr><td style="${CELL}${TEXT}">${escapeHtml(r.label)}${r.detail ? `<br><span style="color:#4b5563;font-size:14px;">${escapeHtml(r.detail)}</span>` : ''}</td>` +
            `<td style="${CELL}${TEXT}text-align:right;white-space:nowrap;padding-left:16px;">${escapeHtml(r.amount)}</td></tr>`,
        )
        .join('');
      const totals = (b.totals ?? [])
        .map((t, i, all) => {
          const strong = i === all.length - 1 ? 'font-weight:bold;' : '';
          return (
            `<tr><th scope="row" style="padding:4px 0;text-align:left;font-weight:normal;${TEXT}${strong}">${escapeHtml(t.label)}</th>` +
            `<td style="padding:4px 0 4px 16px;text-align:right;white-space:nowrap;${TEXT}${strong}">${escapeHtml(t.amount)}</td></tr>`
          );
        })
        .join('');
      return (
        `<table role="table" style="width:100%;border-collapse:collapse;margin:0 0 16px;">` +
        `<caption style="text-align:left;padding:0 0 8px;${TEXT}font-weight:bold;">${escapeHtml(b.caption)}</caption>` +
        `<tbody>${rows}${totals}</tbody></table>`
      );
    }
    case 'link':
      return (
        (b.lead ? `<p style="margin:0 0 8px;${TEXT}">${paragraphs(b.lead)}</p>` : '') +
        `<p style="margin:0 0 24px;${TEXT}"><a href="${escapeHtml(b.url)}" style="display:inline-block;padding:12px 20px;background:#1f2937;color:#ffffff;text-decoration:underline;border-radius:6px;${FONT}font-size:16px;">${escapeHtml(b.label)}</a></p>`
      );
  }
}

export function toHtml(m: Composed): string {
  return [
    '<!doctype html>',
    `<html lang="${m.locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(m.subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f3f4f6;">',
    `<div role="article" aria-label="${escapeHtml(m.subject)}" lang="${m.locale}" style="max-width:600px;margin:0 auto;padding:24px 16px;background:#ffffff;">`,
    `<h1 style="margin:0 0 16px;${FONT}font-size:22px;line-height:1.3;color:#111827;">${escapeHtml(m.subject)}</h1>`,
    `<p style="margin:0 0 16px;${TEXT}">${escapeHtml(m.greeting)}</p>`,
    ...m.blocks.map(blockHtml),
    `<p style="margin:0 0 16px;${TEXT}">${paragraphs(m.signature)}</p>`,
    m.footer ? `<p style="margin:24px 0 0;${FONT}font-size:13px;line-height:1.4;color:#4b5563;">${escapeHtml(m.footer)}</p>` : '',
    '</div></body></html>',
  ].join('\n');
}
