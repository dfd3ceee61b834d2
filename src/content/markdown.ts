/**
 * Markdown → safe HTML at build time. Content must be safe by construction, so raw
 * HTML and scripts are rejected with the line they are on instead of being escaped or
 * stripped quietly. Images come only from the module's media folder, each in a paragraph of
 * its own, and become figures: `![Alt text](media/name.svg "Caption")`, or, for an image that
 * says nothing, `![](media/name.svg "decorative")`.
 */
import MarkdownIt from 'markdown-it';
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];
import type { ContentProblem } from './errors.ts';
import { compileDirectives, useDirectives, type InteractiveBlock } from './directives.ts';
import type { MediaResult } from './media.ts';
import { enPractice as en } from '../i18n/en-practice.ts';
import { esPractice as es } from '../i18n/es-practice.ts';

/** Finds a `media/…` image for this page's language (the module's ModuleMedia.resolve). */
export type MediaResolver = (src: string) => MediaResult;
/** The title that marks an image as decorative (empty alt text allowed). */
export const DECORATIVE = 'decorative';
const HINTS = { en: en['block.figureScroll'], es: es['block.figureScroll'] };

// html: true only so that raw HTML is *recognised* as such and can be rejected.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: true });
useDirectives(markdown);
// markdown-it quietly leaves `[x](javascript:…)`, its entity-encoded form, `<javascript:…>` and
// `data:` targets as literal text. Let every target through to a link token (entities decoded)
// so that the check below names the file and line of each one instead.
markdown.validateLink = () => true;

export interface CompiledMarkdown {
  title: string;
  /**
   * HTML, split where a knowledge check stands (a fenced block "```check <id>```") and where the
   * module's workshop prompts go ("```workshop-prompts```").
   */
  blocks: Array<{ html: string } | { check: string } | { task: string } | { prompts: true }>;
  /** The ids of the knowledge checks, with the line each stands on. */
  checks: Array<{ id: string; line: number }>;
  /** The ids of the written tasks ("```task <id>```"), with their lines. */
  tasks: Array<{ id: string; line: number }>;
  /** The page's interactive content blocks, in order (README "Content blocks"). */
  interactive: InteractiveBlock[];
}

export interface CompileOptions {
  /** The page's language (default: from the file name, "<page>.es.md"). */
  language?: 'en' | 'es';
  /** Prefix of the ids of the page's stateful blocks, the same in both languages ("<module>.<page>"). */
  blockPrefix?: string;
  /** The module's images in the page's language; without it, any image is an error. */
  media?: MediaResolver;
}

export type MarkdownResult = { ok: true; page: CompiledMarkdown } | { ok: false; problems: ContentProblem[] };

const SAFE_LINK = /^(https?:|mailto:|#)/i;

export function compileMarkdown(file: string, source: string, options: CompileOptions = {}): MarkdownResult {
  const problems: ContentProblem[] = [];
  const parsed = markdown.parse(source, {});
  const language = options.language ?? (/\.es\.md$/.test(file) ? 'es' : 'en');
  const problem = (token: Token | undefined, message: string) =>
    problems.push({ file, line: token?.map ? token.map[0] + 1 : undefined, message });

  // Paragraphs that hold one image and nothing else become figures (keyed by the inline token).
  const figures = new Map<Token, string | undefined>();
  parsed.forEach((token, index) => {
    const image = token.type === 'inline' && parsed[index - 1]?.type === 'paragraph_open' ? soleImage(token) : undefined;
    if (image) figures.set(token, figureHtml(image, index === 4, options.media, language, (message) => problem(parsed[index - 1], message)));
  });

  // Inline tokens carry no line map of their own: track the enclosing block's.
  let blockToken: Token | undefined;
  const checkInline = (children: Token[]) => {
    for (const child of children) {
      if (child.type === 'html_inline') problem(blockToken, `raw HTML is not allowed in Markdown (found ${quote(child.content)})`);
      if (child.type === 'image') problem(blockToken, 'an image must stand in a paragraph of its own (a blank line before and after it)');
      if (child.type === 'link_open') {
        const href = String(child.attrGet('href') ?? '');
        if (!SAFE_LINK.test(href)) problem(blockToken, `link target ${quote(href)} must start with https://, http://, mailto: or #`);
      }
    }
  };

  const first = parsed[0];
  if (!first || first.type !== 'heading_open' || first.tag !== 'h1') {
    problem(first, 'a page must start with a level-1 heading ("# Title"): it is the page title');
  }
  let title = '';
  parsed.forEach((token, index) => {
    if (token.map) blockToken = token;
    if (token.type === 'html_block') problem(token, `raw HTML is not allowed in Markdown (found ${quote(token.content)})`);
    if (token.type === 'fence' && token.info.trim().startsWith('check') && !/^check\s+[a-z0-9-]+\s*$/.test(token.info.trim())) {
      problem(token, 'a knowledge check is written as a fenced block "```check <check-id>```"');
    }
    if (token.type === 'fence' && token.info.trim().startsWith('task') && !/^task\s+[a-z0-9-]+\s*$/.test(token.info.trim())) {
      problem(token, 'a written task is written as a fenced block "```task <task-id>```"');
    }
    if (token.type === 'heading_open' && token.tag === 'h1' && index !== 0) {
      problem(token, 'only the first line may be a level-1 heading; use "##" for sections');
    }
    if (token.type === 'inline') {
      if (!figures.has(token)) checkInline(token.children ?? []);
      if (index === 1) title = token.content.trim();
    }
  });
  // Each figure paragraph now renders as its figure markup, in place (blocks may wrap it).
  for (const [inline, html] of figures) {
    const index = parsed.indexOf(inline);
    parsed[index - 1]!.hidden = true;
    parsed[index + 1]!.hidden = true;
    const image = inline.children![inline.children!.findIndex((c) => c.type === 'image')]!;
    Object.assign(image, { type: 'html_inline', tag: '', content: html ?? '', children: null, attrs: null });
    inline.children = [image];
  }
  const directives = compileDirectives(markdown, parsed, {
    file,
    lines: source.split(/\r?\n/),
    language,
    idPrefix: options.blockPrefix ?? (/([^/]+?)(\.(en|es))?\.md$/.exec(file)?.[1] ?? 'page'),
  });
  problems.push(...directives.problems);
  if (problems.length > 0) return { ok: false, problems };
  const tokens = directives.tokens;

  // The page title is rendered by the shell as the page's <h1>, so drop it from the body.
  const body = first?.type === 'heading_open' ? tokens.slice(3) : tokens;
  const blocks: CompiledMarkdown['blocks'] = [];
  const checks: CompiledMarkdown['checks'] = [];
  const tasks: CompiledMarkdown['tasks'] = [];
  let pending: Token[] = [];
  const flush = () => {
    const html = render(pending);
    if (html.trim()) blocks.push({ html });
    pending = [];
  };
  for (const token of body) {
    const check = token.type === 'fence' ? /^check\s+([a-z0-9-]+)\s*$/.exec(token.info.trim()) : null;
    if (check) {
      flush();
      blocks.push({ check: check[1]! });
      checks.push({ id: check[1]!, line: (token.map?.[0] ?? 0) + 1 });
    } else if (token.type === 'fence' && /^task\s+[a-z0-9-]+\s*$/.test(token.info.trim())) {
      flush();
      const id = token.info.trim().split(/\s+/)[1]!;
      blocks.push({ task: id });
      tasks.push({ id, line: (token.map?.[0] ?? 0) + 1 });
    } else if (token.type === 'fence' && token.info.trim() === 'workshop-prompts') {
      flush();
      blocks.push({ prompts: true });
    } else {
      pending.push(token);
    }
  }
  flush();
  return { ok: true, page: { title, blocks, checks, tasks, interactive: directives.interactive } };
}

function soleImage(inline: Token): Token | undefined {
  const children = (inline.children ?? []).filter((c) => !(c.type === 'text' && !c.content.trim()) && c.type !== 'softbreak');
  return children.length === 1 && children[0]!.type === 'image' ? children[0] : undefined;
}

/**
 * <figure><img …><figcaption>…</figcaption></figure> with the image's size written in (no layout
 * shift) and lazy loading unless it opens the page; undefined (and a problem) when it is wrong.
 */
function figureHtml(image: Token, opensPage: boolean, media: MediaResolver | undefined, language: 'en' | 'es', problem: (message: string) => void): string | undefined {
  const src = String(image.attrGet('src') ?? '');
  const alt = image.content.trim();
  const title = String(image.attrGet('title') ?? '').trim();
  const decorative = title === DECORATIVE;
  if (!alt && !decorative) {
    problem(`image "${src}" has no alt text: write what it shows in ![…], or mark an image that says nothing with the title "${DECORATIVE}"`);
  }
  if (alt && decorative) problem(`image "${src}" is marked "${DECORATIVE}" but has alt text; a decorative image has none`);
  if (!media) {
    problem(`image "${src}": images are only allowed in a module's pages (media/ folder)`);
    return undefined;
  }
  const resolved = media(src);
  if (!resolved.ok) {
    problem(resolved.message);
    return undefined;
  }
  const { url, width, height, srcset } = resolved.image;
  const escape = markdown.utils.escapeHtml;
  // A raster image offers its widths; the reading column is at most 46rem wide.
  const sizes = srcset ? ` srcset="${escape(srcset)}" sizes="(max-width: 46rem) 100vw, 46rem"` : '';
  const img = `<img src="${escape(url)}"${sizes} alt="${escape(decorative ? '' : alt)}" width="${width}" height="${height}" loading="${opensPage ? 'eager' : 'lazy'}" decoding="async">`;
  if (decorative) return `<div class="figure decorative">${img}</div>\n`;
  // A drawn figure keeps its text legible on a phone: never narrower than 30rem, scrolling sideways
  // in its frame when the column is narrower (the page's styles; media.ts checks its type sizes).
  const drawn = url.endsWith('.svg')
    ? `<div class="figure-frame">${img}</div><p class="figure-hint" aria-hidden="true">${escape(HINTS[language])}</p>`
    : img;
  return `<figure class="figure">${drawn}${title ? `<figcaption>${escape(title)}</figcaption>` : ''}</figure>\n`;
}

function render(tokens: Token[]): string {
  const html = markdown.renderer.render(tokens, markdown.options, {});
  // External links open in a new tab without giving it access to the course window.
  return html.replace(/<a href="(https?:[^"]*)"/g, '<a href="$1" target="_blank" rel="noopener noreferrer"');
}

function quote(text: string): string {
  const oneLine = text.trim().replace(/\s+/g, ' ');
  return `"${oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine}"`;
}
