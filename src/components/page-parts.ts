import type { ReactiveController, ReactiveElement } from 'lit';
import type { CompiledPage, PageBlock } from '../content/schema';
import { BLOCK_ELEMENTS } from './blocks/load-blocks';

/**
 * A page is drawn in parts, one task and one frame after another, so that no single task blocks
 * the learner's phone for long: on an old phone, laying out and painting a whole page of text
 * with its figure and interactive blocks in one go takes a few hundred milliseconds, during which
 * a tap or a scroll goes unanswered. The page's top comes first; the rest follows within a few
 * frames, below it, so nothing the learner sees moves.
 */
export type PagePart = { nodes: Node[] } | { block: OwnBlock };
/** A block drawn by an element of its own: a knowledge check, a written task, the workshop prompts. */
export type OwnBlock = Exclude<PageBlock, { html: string }>;

/** About how much text (characters) one part holds. */
const PART_WEIGHT = 1400;
/** What drawing a figure, a table or an interactive block costs, counted as that much text. */
const HEAVY_WEIGHT = 900;
const HEAVY = ['img', 'table', 'svg', ...BLOCK_ELEMENTS].join(', ');

/** Parts split ahead (when the page is prepared before it is shown), each taken once. */
const splitAhead = new WeakMap<CompiledPage, PagePart[]>();

/** Splits a page into parts ahead of showing it: the parsing is then not part of the tap. */
export function prepareParts(page: CompiledPage): void {
  if (!splitAhead.has(page)) splitAhead.set(page, splitPage(page));
}

/**
 * The parts of a page, fresh: nodes can stand in one place only, so parts split ahead serve one
 * showing; a page shown again is split again (and its blocks start afresh, as before).
 */
export function takeParts(page: CompiledPage): PagePart[] {
  const parts = splitAhead.get(page);
  splitAhead.delete(page);
  return parts ?? splitPage(page);
}

export function splitPage(page: CompiledPage): PagePart[] {
  return page.blocks.flatMap((block): PagePart[] => ('html' in block ? splitHtml(block.html).map((nodes) => ({ nodes })) : [{ block }]));
}

/**
 * Parses HTML (inert: no image is fetched, no element upgraded until drawn) and groups its
 * top-level nodes into parts of about PART_WEIGHT, never splitting an element.
 */
export function splitHtml(html: string): Node[][] {
  const template = document.createElement('template');
  template.innerHTML = html;
  const groups: Node[][] = [];
  let group: Node[] = [];
  let weight = 0;
  for (const node of [...template.content.childNodes]) {
    const cost = weightOf(node);
    if (group.some((n) => n.nodeType === Node.ELEMENT_NODE) && cost > 0 && weight + cost > PART_WEIGHT) {
      groups.push(group);
      group = [];
      weight = 0;
    }
    group.push(node);
    weight += cost;
  }
  if (group.length) groups.push(group);
  return groups;
}

function weightOf(node: Node): number {
  if (!(node instanceof Element)) return node.textContent?.trim().length ?? 0;
  const heavy = (node.matches(HEAVY) ? 1 : 0) + node.querySelectorAll(HEAVY).length;
  return (node.textContent?.length ?? 0) + heavy * HEAVY_WEIGHT;
}

/**
 * Reveals a host's parts one frame after another. The host renders `shown` parts; while some are
 * still to come it carries the `drawing` attribute (the course hides its pager meanwhile, which
 * would otherwise move down as the parts arrive), and its updateComplete waits for all of them.
 */
export class PartReveal implements ReactiveController {
  /** How many parts the host draws now. */
  shown = 0;
  private total = 0;
  private generation = 0;
  private scheduled = false;
  private finished: Promise<void> = Promise.resolve();
  private finish: () => void = () => undefined;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** A new set of parts: the first is drawn at once and the rest follow, or all at once. */
  reset(total: number, allAtOnce = false): void {
    this.generation++;
    this.scheduled = false;
    this.total = total;
    this.shown = allAtOnce ? total : Math.min(1, total);
    this.finish();
    this.finished = new Promise((resolve) => (this.finish = resolve));
    this.mark();
  }

  /** Some parts are still to come. */
  get pending(): boolean {
    return this.shown < this.total;
  }

  /** Resolves once every part is drawn. */
  get complete(): Promise<void> {
    return this.finished;
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.onBeforePrint);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.onBeforePrint);
  }

  hostUpdated(): void {
    this.mark();
    if (!this.pending) {
      this.finish();
      return;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    const generation = this.generation;
    afterNextFrame(() => {
      if (generation !== this.generation) return;
      this.scheduled = false;
      this.shown++;
      this.host.requestUpdate();
    });
  }

  private mark(): void {
    this.host.toggleAttribute('drawing', this.pending);
  }

  /** Printing draws every part, now: it lays the page out as soon as this returns, not after a microtask. */
  private onBeforePrint = (): void => {
    if (!this.pending) return;
    this.shown = this.total;
    this.host.requestUpdate();
    (this.host as unknown as { performUpdate(): void }).performUpdate();
  };
}

/**
 * Runs `then` in a task after the next frame is drawn, so each part is laid out and painted in a
 * frame of its own. A hidden document draws no frames: it goes on at once (nobody is waiting on
 * its frames), and a frame that never comes is given up on after 250 ms.
 */
function afterNextFrame(then: () => void): void {
  if (document.visibilityState === 'hidden') {
    setTimeout(then, 0);
    return;
  }
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    then();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 250);
}
