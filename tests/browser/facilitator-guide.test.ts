/** The facilitator guide is accessible (axe-core) in both languages. */
import { expect } from '@open-wc/testing';
import { waitFor } from './helpers';

async function axeOn(url: string): Promise<string[]> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '800px';
  frame.src = url;
  document.body.append(frame);
  try {
    await waitFor(() => frame.contentDocument?.querySelector('main h1'), url);
    const doc = frame.contentDocument!;
    const script = doc.createElement('script');
    script.textContent = await (await fetch('/node_modules/axe-core/axe.min.js')).text();
    doc.head.append(script);
    const axe = (frame.contentWindow as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; help: string }> }> } }).axe;
    const result = await axe.run(doc, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => `${v.id}: ${v.help}`);
  } finally {
    frame.remove();
  }
}

describe('facilitator guide', () => {
  for (const language of ['en', 'es']) {
    it(`has no axe violations in ${language}`, async () => {
      expect(await axeOn(`/dist/facilitator-guide.${language}.html`)).to.deep.equal([]);
    });
  }
});
