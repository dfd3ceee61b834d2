/**
 * Content blocks written as directives in Markdown (`:::tabs` … `:::`), parsed by
 * markdown-it-container and turned into HTML at build time. Each block is checked here, and every
 * problem names the line it is on. See README "Content blocks" for the syntax.
 *
 * A block holding another block needs more colons than the one inside it (`::::tabs` around
 * `:::callout key`), because the first line of colons as long as the opening one closes it.
 */
import type MarkdownItClass from 'markdown-it';
type MarkdownIt = InstanceType<typeof MarkdownItClass>;
import container from 'markdown-it-container';
import type { ContentProblem } from './errors.ts';
import { BLOCK_KINDS, isInteractive, renderBlock, type BlockItem, type BlockKind } from './block-html.ts';

type Token = ReturnType<MarkdownIt['parse']>[number];

/** One block that keeps state or behaviour, for checks across the two languages of a page. */
export interface InteractiveBlock {
  id: string;
  kind: BlockKind;
  items: number;
  line: number;
}

export interface DirectiveContext {
  file: string;
  /** The page's source split into lines, to tell a closed block from one the parser closed itself. */
  lines: string[];
  language: 'en' | 'es';
  /** Prefix of the ids of stateful blocks ("<module>.<page>"), the same in both languages. */
  idPrefix: string;
}

/** Registers the one container rule that recognises every `:::name` line. */
export function useDirectives(md: MarkdownIt): void {
  md.use(container, 'block', { validate: (params: string) => /^\s*[A-Za-z]/.test(params) });
  md.renderer.rules['micic_block'] = (tokens, idx) => tokens[idx]!.content;
}

const CLOSER = /^\s{0,3}(:{3,})\s*$/;

/**
 * Replaces each top-level block (its open token, content and close token) by one token holding
 * its HTML. Returns the new token list, the problems found and the page's interactive blocks.
 */
export function compileDirectives(md: MarkdownIt, tokens: Token[], context: DirectiveContext) {
  const problems: ContentProblem[] = [];
  const interactive: InteractiveBlock[] = [];
  const problem = (line: number | undefined, message: string) => problems.push({ file: context.file, line, message });
  const lineOf = (token: Token | undefined) => (token?.map ? token.map[0] + 1 : undefined);
  const render = (list: Token[]) => md.renderer.render(list, md.options, {});
  const renderInline = (token: Token) => md.renderer.renderInline(token.children ?? [], md.options, {});

  // Walks a token list at one nesting level; blocks inside blocks are compiled first.
  const compile = (list: Token[], parentEnd: number, insideInteractive: boolean): Token[] => {
    const out: Token[] = [];
    for (let i = 0; i < list.length; i++) {
      const token = list[i]!;
      if (token.type === 'paragraph_open') {
        // A stray closing line reads as (part of) a paragraph.
        (list[i + 1]?.content ?? '').split('\n').forEach((text, offset) => {
          if (/^:{3,}/.test(text)) problem(lineOf(token)! + offset, `"${text.trim()}" closes a block, but no block is open here (or its opening line is misspelt)`);
        });
      }
      if (token.type === 'fence' && /^(check|workshop-prompts)\b/.test(token.info.trim()) && parentEnd !== context.lines.length) {
        problem(lineOf(token), 'a knowledge check or the workshop prompts stand on their own, outside content blocks');
      }
      if (token.type !== 'container_block_open') {
        out.push(token);
        continue;
      }
      const close = matchingClose(list, i);
      const inner = list.slice(i + 1, close);
      const end = token.map![1];
      const closed = end !== parentEnd && isCloser(context.lines[end], token.markup.length);
      const line = lineOf(token)!;
      const [name = '', ...rest] = token.info.trim().split(/\s+/);
      const kind = name.toLowerCase() as BlockKind;
      if (!closed) {
        problem(line, `the block "${token.markup}${name}" is never closed: end it with a line "${token.markup}"` +
          (parentEnd !== context.lines.length ? ' (a block inside another needs fewer colons than the one around it, e.g. "::::tabs" around ":::callout")' : ''));
      }
      if (!BLOCK_KINDS.includes(kind)) {
        problem(line, `unknown block "${name}"; the blocks are ${BLOCK_KINDS.join(', ')}`);
        i = close;
        continue;
      }
      if (insideInteractive && isInteractive(kind)) {
        problem(line, `a ${kind} block cannot stand inside another interactive block`);
      }
      const body = compile(inner, end, insideInteractive || isInteractive(kind));
      const split = splitItems(body, token.level + 1);
      const items: BlockItem[] = split.items.map((item) => ({
        title: renderInline(item.title),
        titleText: item.title.content,
        line: lineOf(item.heading)!,
        html: render(item.body),
        empty: item.body.length === 0,
      }));
      const id = `${context.idPrefix}.${interactive.length}`;
      const result = renderBlock({
        kind,
        params: rest.join(' '),
        paramsHtml: md.renderInline(rest.join(' ')),
        line,
        id,
        language: context.language,
        level: split.level,
        introHtml: render(split.intro),
        items,
        bodyHtml: render(body),
        lastParagraph: lastParagraph(body, token.level + 1, render, renderInline),
        problem,
      });
      if (isInteractive(kind)) interactive.push({ id, kind, items: items.length, line });
      const html = Object.assign(Object.create(Object.getPrototypeOf(token) as object) as Token, token, {
        type: 'micic_block',
        nesting: 0,
        content: result,
        children: null,
      });
      out.push(html);
      i = close;
    }
    return out;
  };

  const result = compile(tokens, context.lines.length, false);
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { tokens: result, problems, interactive };
}

/** A block's content split before its last paragraph, when it ends with one (a figure's caption). */
function lastParagraph(body: Token[], level: number, render: (list: Token[]) => string, renderInline: (token: Token) => string) {
  const last = body.at(-1);
  if (last?.type !== 'paragraph_close' || last.level !== level) return undefined;
  const open = body.length - 3;
  return { before: render(body.slice(0, open)), caption: renderInline(body[open + 1]!) };
}

function matchingClose(list: Token[], open: number): number {
  const level = list[open]!.level;
  for (let j = open + 1; j < list.length; j++) {
    if (list[j]!.type === 'container_block_close' && list[j]!.level === level) return j;
  }
  return list.length;
}

function isCloser(line: string | undefined, length: number): boolean {
  const match = line === undefined ? null : CLOSER.exec(line);
  return !!match && match[1]!.length >= length;
}

interface SplitItem {
  heading: Token;
  title: Token;
  body: Token[];
}

/** Cuts a block's content at its item headings: the level of the first heading found. */
function splitItems(body: Token[], level: number): { intro: Token[]; items: SplitItem[]; level: number } {
  const first = body.find((t) => t.type === 'heading_open' && t.level === level);
  const tag = first?.tag;
  const intro: Token[] = [];
  const items: SplitItem[] = [];
  for (let i = 0; i < body.length; i++) {
    const token = body[i]!;
    if (token.type === 'heading_open' && token.level === level && token.tag === tag) {
      items.push({ heading: token, title: body[i + 1]!, body: [] });
      i += 2;
      continue;
    }
    (items.at(-1)?.body ?? intro).push(token);
  }
  return { intro, items, level: tag ? Number(tag.slice(1)) : 0 };
}
