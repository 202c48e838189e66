import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './escape';

describe('escapeHtml and html`…`', () => {
  it('escapes the five characters that can end a text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('escapes every value of a template, but not markup made by another template', () => {
    const name = `Comptoir "Lyon" <script>alert(1)</script>`;
    const inner = html`<b>${name}</b>`;
    expect(html`<p title="${name}">${inner}</p>`.markup).toBe(
      '<p title="Comptoir &quot;Lyon&quot; &lt;script&gt;alert(1)&lt;/script&gt;"><b>Comptoir &quot;Lyon&quot; &lt;script&gt;alert(1)&lt;/script&gt;</b></p>',
    );
  });

  it('joins a list; null, undefined and false write nothing; a number is written as text', () => {
    expect(
      html`<ul>
          ${['a<', 'b'].map((s) => html`<li>${s}</li>`)}
        </ul>
        ${null}${undefined}${false}${0}`.markup,
    ).toBe('<ul><li>a&lt;</li><li>b</li></ul>0');
  });

  it('drops its own layout, as JSX does: a line break and its spaces go between elements and in text, and are one space between attributes', () => {
    // Called by another name, so that Prettier leaves this layout as written.
    const laidOut = html;
    const layout = laidOut`<div
      class="a"
      data-x="${1}"
    >
      <p>${'two\n  lines'}</p>
      <b>x</b> <i>y</i>
      a text
    </div>`;
    expect(layout.markup).toBe('<div class="a" data-x="1" ><p>two\n  lines</p><b>x</b> <i>y</i>a text</div>');
  });

  it('no text put in a template can open or close an element or leave its attribute', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        expect(html`<p title="${text}">${text}</p>`.markup).toBe(`<p title="${escaped}">${escaped}</p>`);
      }),
    );
  });
});
