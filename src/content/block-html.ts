/**
 * The HTML of each content block, and the rules each one's content must follow. Blocks without
 * behaviour (callout, quote, figure, timeline) become plain semantic HTML styled by the page;
 * interactive ones become custom elements (src/components/blocks/) holding their content in named
 * slots, so the content is readable before their code loads and prints in full.
 */
import { enPractice as en } from '../i18n/en-practice.ts';
import { esPractice as es } from '../i18n/es-practice.ts';

// The catalogues themselves: the build imports no module that imports without file extensions.
const LABELS = { en, es };

export const BLOCK_KINDS = ['callout', 'quote', 'figure', 'timeline', 'accordion', 'reveal', 'tabs', 'process', 'flashcards', 'hotspots'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** The custom element of each interactive kind (the others need no script). */
export const BLOCK_ELEMENTS: Partial<Record<BlockKind, string>> = {
  accordion: 'micic-accordion',
  reveal: 'micic-accordion',
  tabs: 'micic-tabs',
  process: 'micic-process',
  flashcards: 'micic-flashcards',
  hotspots: 'micic-hotspots',
};

export const isInteractive = (kind: BlockKind): boolean => kind in BLOCK_ELEMENTS;

const CALLOUTS = { key: 'block.keyPoint', example: 'block.example', caution: 'block.caution' } as const;

/** How many items each kind takes. */
const ITEM_COUNTS: Partial<Record<BlockKind, [number, number]>> = {
  timeline: [2, 20],
  accordion: [2, 12],
  tabs: [2, 6],
  process: [2, 12],
  flashcards: [2, 24],
  hotspots: [1, 12],
};

export interface BlockItem {
  /** The item heading as inline HTML, and as plain text for messages. */
  title: string;
  titleText: string;
  line: number;
  html: string;
  empty: boolean;
}

export interface BlockInput {
  kind: BlockKind;
  /** What follows the block name on its opening line, as written and as inline HTML. */
  params: string;
  paramsHtml: string;
  line: number;
  id: string;
  language: 'en' | 'es';
  /** The level of the item headings (0 when there are none). */
  level: number;
  /** Content before the first item heading, and the whole content, as HTML. */
  introHtml: string;
  items: BlockItem[];
  bodyHtml: string;
  /** The block's content split at its last paragraph (a figure's caption). */
  lastParagraph?: { before: string; caption: string };
  problem: (line: number | undefined, message: string) => void;
}

const COORDINATES = /\s*\{\s*(\d{1,3}(?:\.\d+)?)\s*,\s*(\d{1,3}(?:\.\d+)?)\s*\}\s*$/;

export function renderBlock(input: BlockInput): string {
  const { kind, params, line, problem, items } = input;
  const needsParams = kind === 'callout' || kind === 'quote' || kind === 'reveal';
  if (!needsParams && params) problem(line, `"${kind}" takes nothing after its name on the opening line (found "${params}")`);
  if (/<[a-z/!]/i.test(params)) problem(line, 'raw HTML is not allowed in Markdown');
  if (/\]\((?!https?:|mailto:|#)/i.test(params)) problem(line, 'a link must start with https://, http://, mailto: or #');
  if (!input.bodyHtml.trim()) problem(line, `the ${kind} block is empty`);

  const counts = ITEM_COUNTS[kind];
  if (counts) {
    const [min, max] = counts;
    if (items.length < min || items.length > max) {
      const hint = kind === 'accordion' && items.length === 1 ? '; for a single item use ":::reveal <button label>"' : '';
      problem(line, `a ${kind} block needs ${min} to ${max} items, each starting with a heading ("### Title"); found ${items.length}${hint}`);
    }
    if (input.introHtml.trim() && kind !== 'hotspots') {
      problem(line + 1, `a ${kind} block starts with its first item heading ("### Title"); move the text before it out of the block`);
    }
    for (const item of items) {
      if (item.empty) problem(item.line, `the item "${item.titleText}" has no content under its heading`);
    }
  }
  const attrs = `block-id="${input.id}" lang="${input.language}"`;
  const slots = (titles: string[], panel = 'panel') =>
    items.map((item, i) => `<span slot="title-${i}">${titles[i]}</span><div slot="${panel}-${i}">${item.html}</div>`).join('');

  switch (kind) {
    case 'callout': {
      const label = CALLOUTS[params as keyof typeof CALLOUTS];
      if (!label) problem(line, 'a callout is ":::callout key", ":::callout example" or ":::callout caution"');
      return `<div class="block-callout" data-kind="${label ? params : 'key'}" role="note"><p class="block-label">${LABELS[input.language][label ?? 'block.keyPoint']}</p>${input.bodyHtml}</div>`;
    }
    case 'quote':
      if (!params) problem(line, 'a quote names its source on the opening line: ":::quote Name, role, year"');
      return `<figure class="block-quote"><blockquote>${input.bodyHtml}</blockquote><figcaption>${input.paramsHtml}</figcaption></figure>`;
    case 'figure': {
      const split = input.lastParagraph;
      if (!split || !split.before.trim()) {
        problem(line, 'a figure holds its content (an image, a diagram, a table) and then a caption paragraph as its last line');
      }
      return `<figure class="block-figure">${split?.before ?? input.bodyHtml}<figcaption>${split?.caption ?? ''}</figcaption></figure>`;
    }
    case 'timeline': {
      const tag = `h${input.level || 3}`;
      const entries = items.map((item) => `<li><${tag} class="block-when">${item.title}</${tag}>${item.html}</li>`).join('');
      return `<ol class="block-timeline">${entries}</ol>`;
    }
    case 'reveal':
      if (!params) problem(line, 'a reveal names its button on the opening line: ":::reveal Show the answer"');
      return `<micic-accordion ${attrs} reveal><span slot="title-0">${input.paramsHtml}</span><div slot="panel-0">${input.bodyHtml}</div></micic-accordion>`;
    case 'accordion':
    case 'tabs':
    case 'process':
      return `<${BLOCK_ELEMENTS[kind]} ${attrs} level="${input.level}">${slots(items.map((item) => item.title))}</${BLOCK_ELEMENTS[kind]}>`;
    case 'flashcards':
      return `<micic-flashcards ${attrs}>${slots(items.map((item) => item.title), 'back')}</micic-flashcards>`;
    case 'hotspots': {
      if (!input.introHtml.trim()) problem(line + 1, 'a hotspots block starts with its image or diagram, before the first hotspot heading');
      const spots = items.map((item) => {
        const match = COORDINATES.exec(item.title);
        const [x, y] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
        if (!match || x > 100 || y > 100) {
          problem(item.line, `the hotspot "${item.titleText}" ends with its place on the image in percent, left then top: "### Label {30, 40}"`);
        }
        const title = item.title.replace(COORDINATES, '');
        return `<span slot="title-${items.indexOf(item)}" data-x="${x || 0}" data-y="${y || 0}">${title}</span><div slot="panel-${items.indexOf(item)}">${item.html}</div>`;
      });
      // The markers are placed over the graphic alone: an image's caption goes under the block.
      let caption = '';
      const graphic = input.introHtml
        .replace(/<figcaption>([\s\S]*?)<\/figcaption>/, (_, text: string) => ((caption = `<p slot="caption">${text}</p>`), ''))
        .replace(/<p class="figure-hint"[^>]*>[\s\S]*?<\/p>/, '');
      return `<micic-hotspots ${attrs} level="${input.level}"><div slot="graphic">${graphic}</div>${caption}${spots.join('')}</micic-hotspots>`;
    }
  }
}
