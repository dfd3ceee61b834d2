/**
 * Content blocks written as directives (`:::tabs` … `:::`): the HTML each one becomes, and the
 * build errors (file, line, problem) for each way an author can get one wrong.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/content/errors.ts';
import { loadCourse } from '../../src/content/loader.ts';
import { compileMarkdown, type CompiledMarkdown } from '../../src/content/markdown.ts';

const FILE = 'modules/m/pages/p.en.md';

function compile(body: string, file = FILE): CompiledMarkdown {
  const result = compileMarkdown(file, `# Title\n\n${body}`, { blockPrefix: 'm.p' });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
  return result.page;
}
const htmlOf = (body: string, file?: string) => compile(body, file).blocks.map((b) => ('html' in b ? b.html : '')).join('');

/** The problems of a page whose body starts on line 3 (after "# Title" and a blank line). */
function problems(body: string): Array<[number | undefined, string]> {
  const result = compileMarkdown(FILE, `# Title\n\n${body}`);
  if (result.ok) throw new Error('expected the page to be rejected');
  for (const p of result.problems) expect(p.file).toBe(FILE);
  return result.problems.map((p) => [p.line, p.message]);
}

describe('content blocks: HTML', () => {
  it('makes the three callouts notes with a label in the page language', () => {
    const en = htmlOf(':::callout key\nKeep **this**.\n:::\n\n:::callout example\nIn 2016…\n:::\n\n:::callout caution\nCareful.\n:::\n');
    expect(en).toContain('<div class="block-callout" data-kind="key" role="note"><p class="block-label">Key point</p><p>Keep <strong>this</strong>.</p>');
    expect(en).toContain('data-kind="example" role="note"><p class="block-label">Example from the field</p>');
    expect(en).toContain('data-kind="caution" role="note"><p class="block-label">Caution</p>');
    expect(htmlOf(':::callout caution\nCuidado.\n:::\n', 'modules/m/pages/p.es.md')).toContain('<p class="block-label">Precaución</p>');
  });

  it('makes a quote a figure with its attribution, links opening safely', () => {
    expect(htmlOf(':::quote Ana Pérez, [IOM](https://www.iom.int), 2016\nWe planned together.\n:::\n')).toBe(
      '<figure class="block-quote"><blockquote><p>We planned together.</p>\n</blockquote><figcaption>Ana Pérez, <a href="https://www.iom.int" target="_blank" rel="noopener noreferrer">IOM</a>, 2016</figcaption></figure>',
    );
  });

  it('makes the last paragraph of a figure its caption, whatever the content above it', () => {
    const html = htmlOf(':::figure\n| Phase | Guidelines |\n|---|---|\n| Preparedness | 1–6 |\n\nThe **three** phases.\n:::\n');
    expect(html).toMatch(/^<figure class="block-figure"><table>[\s\S]*<\/table>\n<figcaption>The <strong>three<\/strong> phases.<\/figcaption><\/figure>$/);
  });

  it('makes a timeline an ordered list headed by its dates', () => {
    expect(htmlOf(':::timeline\n### 2014\nLaunched.\n### 2016\nGuidelines.\n:::\n')).toBe(
      '<ol class="block-timeline"><li><h3 class="block-when">2014</h3><p>Launched.</p>\n</li><li><h3 class="block-when">2016</h3><p>Guidelines.</p>\n</li></ol>',
    );
  });

  it('puts interactive blocks in their element, items in numbered slots, ids the same in both languages', () => {
    const page = compile(':::tabs\n## One\nFirst.\n## Two\nSecond.\n:::\n\n:::flashcards\n### Front A\nBack A.\n### Front B\nBack B.\n:::\n');
    const html = 'html' in page.blocks[0]! ? page.blocks[0].html : '';
    expect(html).toContain('<micic-tabs block-id="m.p.0" lang="en" level="2"><span slot="title-0">One</span><div slot="panel-0"><p>First.</p>\n</div><span slot="title-1">Two</span>');
    expect(html).toContain('<micic-flashcards block-id="m.p.1" lang="en"><span slot="title-0">Front A</span><div slot="back-0"><p>Back A.</p>');
    expect(page.interactive).toEqual([
      { id: 'm.p.0', kind: 'tabs', items: 2, line: 3 },
      { id: 'm.p.1', kind: 'flashcards', items: 2, line: 10 },
    ]);
  });

  it('makes a reveal a one-item accordion labelled by its opening line', () => {
    expect(htmlOf(':::reveal Show the answer\nIt is *B*.\n:::\n')).toBe(
      '<micic-accordion block-id="m.p.0" lang="en" reveal><span slot="title-0">Show the answer</span><div slot="panel-0"><p>It is <em>B</em>.</p>\n</div></micic-accordion>',
    );
  });

  it('places hotspots in percent and keeps the graphic apart', () => {
    const html = htmlOf(':::hotspots\nThe diagram.\n\n### Host State {30, 40.5}\nProtects.\n### Origin {70,20}\nAssists.\n:::\n');
    expect(html).toContain('<div slot="graphic"><p>The diagram.</p>\n</div><span slot="title-0" data-x="30" data-y="40.5">Host State</span>');
    expect(html).toContain('<span slot="title-1" data-x="70" data-y="20">Origin</span>');
  });

  it('puts a hotspot image’s caption under the block, so the markers stand over the image alone', () => {
    const media = () => ({ ok: true as const, image: { url: 'assets/media/m/actors.en.svg', width: 560, height: 436 } });
    const result = compileMarkdown(FILE, '# Title\n\n:::hotspots\n![The actors](media/actors.svg "Who acts.")\n\n### Host State {4, 9}\nProtects.\n:::\n', { blockPrefix: 'm.p', media });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const html = result.page.blocks.map((b) => ('html' in b ? b.html : '')).join('');
    expect(html).toContain('<div slot="graphic"><figure class="figure"><div class="figure-frame"><img src="assets/media/m/actors.en.svg" alt="The actors" width="560" height="436"');
    expect(html).toContain('</div></figure>\n</div><p slot="caption">Who acts.</p><span slot="title-0" data-x="4" data-y="9">Host State</span>');
    expect(html).not.toContain('figcaption');
    expect(html).not.toContain('figure-hint');
  });

  it('lets a block with more colons hold another block', () => {
    const html = htmlOf('::::accordion\n### A\n:::callout key\nInside.\n:::\n### B\nText.\n::::\n');
    expect(html).toContain('<div slot="panel-0"><div class="block-callout" data-kind="key" role="note">');
    expect(html).toContain('<span slot="title-1">B</span>');
  });
});

describe('content blocks: errors name the line', () => {
  it('rejects an unknown block name', () => {
    expect(problems(':::acordion\nx\n:::\n')).toEqual([[3, expect.stringMatching(/^unknown block "acordion"; the blocks are callout, quote/)]]);
  });

  it('rejects a block that is never closed, and explains nesting when a block inside another is the cause', () => {
    expect(problems(':::callout key\nText.\n')).toEqual([[3, 'the block ":::callout" is never closed: end it with a line ":::"']]);
    const nested = problems(':::tabs\n### A\n:::callout key\nx\n:::\n### B\ny\n:::\n');
    expect(nested).toContainEqual([5, expect.stringContaining('a block inside another needs fewer colons than the one around it')]);
    expect(nested).toContainEqual([10, expect.stringContaining('":::" closes a block, but no block is open here')]);
  });

  it('rejects a closing line with no block open', () => {
    expect(problems('Text.\n\n:::\n')).toEqual([[5, '":::" closes a block, but no block is open here (or its opening line is misspelt)']]);
  });

  it('rejects a wrong callout kind, a quote without its source and a reveal without its label', () => {
    expect(problems(':::callout tip\nx\n:::\n')).toEqual([[3, 'a callout is ":::callout key", ":::callout example" or ":::callout caution"']]);
    expect(problems(':::quote\nx\n:::\n')).toEqual([[3, 'a quote names its source on the opening line: ":::quote Name, role, year"']]);
    expect(problems(':::reveal\nx\n:::\n')).toEqual([[3, 'a reveal names its button on the opening line: ":::reveal Show the answer"']]);
  });

  it('rejects too few items, text before the first item and items with no content', () => {
    expect(problems(':::tabs\nIntro.\n\n### Only\n:::\n')).toEqual([
      [3, 'a tabs block needs 2 to 6 items, each starting with a heading ("### Title"); found 1'],
      [4, 'a tabs block starts with its first item heading ("### Title"); move the text before it out of the block'],
      [6, 'the item "Only" has no content under its heading'],
    ]);
    expect(problems(':::accordion\n### One\nx\n:::\n')[0]![1]).toContain('for a single item use ":::reveal <button label>"');
  });

  it('rejects a figure with no caption line and a hotspot with no place', () => {
    expect(problems(':::figure\n- a list only\n:::\n')).toEqual([[3, 'a figure holds its content (an image, a diagram, a table) and then a caption paragraph as its last line']]);
    expect(problems(':::hotspots\nGraphic.\n\n### Host State\nx\n:::\n')).toEqual([
      [6, 'the hotspot "Host State" ends with its place on the image in percent, left then top: "### Label {30, 40}"'],
    ]);
    expect(problems(':::hotspots\n### A {10, 140}\nx\n:::\n')).toEqual([
      [4, 'a hotspots block starts with its image or diagram, before the first hotspot heading'],
      [4, 'the hotspot "A {10, 140}" ends with its place on the image in percent, left then top: "### Label {30, 40}"'],
    ]);
  });

  it('rejects raw HTML and unsafe links on an opening line, interactive blocks inside interactive ones, and checks inside blocks', () => {
    expect(problems(':::quote <b>Ana</b>\nx\n:::\n')).toEqual([[3, 'raw HTML is not allowed in Markdown']]);
    expect(problems(':::quote [Ana](javascript:alert(1))\nx\n:::\n')).toEqual([[3, 'a link must start with https://, http://, mailto: or #']]);
    expect(problems('::::tabs\n### A\n:::reveal Go\nx\n:::\n### B\ny\n::::\n')).toEqual([[5, 'a reveal block cannot stand inside another interactive block']]);
    expect(problems(':::callout key\n```check c1\n```\n:::\n')).toEqual([[4, 'a knowledge check or the workshop prompts stand on their own, outside content blocks']]);
  });
});

describe('content blocks across languages', () => {
  it('rejects a Spanish page whose interactive blocks differ from the English page, naming the Spanish line', () => {
    const root = mkdtempSync(join(tmpdir(), 'micic-blocks-'));
    try {
      cpSync(join(import.meta.dirname, '../fixtures/valid-course'), root, { recursive: true });
      const pages = join(root, 'modules/01-alpha/pages');
      const cards = (n: number) => `:::flashcards\n${Array.from({ length: n }, (_, i) => `### Q${i}\nA${i}.\n`).join('')}:::\n`;
      writeFileSync(join(pages, 'intro.en.md'), `${readFileSync(join(pages, 'intro.en.md'), 'utf8')}\n${cards(3)}`);
      writeFileSync(join(pages, 'intro.es.md'), `${readFileSync(join(pages, 'intro.es.md'), 'utf8')}\n${cards(2)}`);
      const error = (() => {
        try {
          loadCourse(root, 'modules', { assessmentRules: false });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).problems).toEqual([
        {
          file: 'modules/01-alpha/pages/intro.es.md',
          line: 10,
          message: 'interactive block 1 is flashcards with 2 items but the English page has flashcards with 3 items: both languages need the same blocks',
        },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("the course's pages", () => {
  it('use at least four kinds of content block in each module, in both languages', () => {
    const course = loadCourse(join(import.meta.dirname, '../..'));
    const kinds = new Map<string, string[]>();
    for (const [key, content] of course.contents) {
      const found = new Set<string>();
      for (const page of content.pages) {
        for (const block of page.blocks) {
          if (!('html' in block)) continue;
          for (const m of block.html.matchAll(/class="block-(callout|quote|figure|timeline)"|<micic-(accordion|tabs|process|flashcards|hotspots)\b/g)) found.add(m[1] ?? m[2]!);
        }
      }
      kinds.set(key, [...found].sort());
    }
    for (const [key, found] of kinds) expect(found.length, `${key}: ${found.join(', ')}`).toBeGreaterThanOrEqual(4);
    for (const module of course.index.modules) expect(kinds.get(`${module.id}.es`)).toEqual(kinds.get(`${module.id}.en`));
  });
});
