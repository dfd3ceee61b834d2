import { LitElement, html, css } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { PropertyValues } from 'lit';
import type { CompiledPage, Language, QuestionKey, QuestionText, TaskKey } from '../content/schema';
import type { TaskAnswer } from '../progress/task-codec';
import type { Response } from '../machines/quiz-scoring';
import { pageFrame, theme } from './theme';
import { blockTags, loadBlocks } from './blocks/load-blocks';
import { warmStyles } from './warm-styles';
import { pageBlockStyles } from './blocks/page-block-styles';
import { ScrollFrames } from './scroll-frames';
import { PartReveal, prepareParts, takeParts, type OwnBlock, type PagePart } from './page-parts';

/**
 * Loads the code of everything a page draws (its interactive blocks, knowledge checks and written
 * tasks), each kind on the first page that uses it; the course awaits it before it shows the
 * page, so the page is drawn whole, not rearranged as its parts arrive.
 */
export function preparePage(page: CompiledPage): Promise<unknown> {
  for (const block of page.blocks) if ('html' in block) fetchImages(block.html);
  prepareParts(page);
  return loadPageCode(page);
}

/** Loads the code of the page's blocks, checks and written tasks (each kind once), and warms their styles. */
function loadPageCode(page: CompiledPage): Promise<unknown> {
  return Promise.all([
    ...page.blocks.map((block) => ('html' in block ? loadBlocks(block.html) : undefined)),
    page.blocks.some((block) => 'check' in block) ? import('./knowledge-check') : undefined,
    page.blocks.some((block) => 'task' in block) ? import('./written-task') : undefined,
  ])
    .then(() => warmStyles([...PAGE_ELEMENTS, ...page.blocks.flatMap((block) => ('html' in block ? blockTags(block.html) : []))]))
    .catch(() => undefined);
}

/** The elements a page may hold besides its blocks (a pre-test card stands on a first page). */
const PAGE_ELEMENTS = ['micic-page-view', 'micic-pretest', 'micic-knowledge-check', 'micic-question', 'micic-written-task'];

/** Figures fetched and decoded ahead, by URL (kept so the decoded image stays in memory). */
const fetchedImages = new Map<string, HTMLImageElement>();

/**
 * Starts fetching and decoding the page's figures, which the page marks as lazy: a page prepared
 * ahead (the one Continue opens) then shows them at once, without a decoding task after the tap.
 */
function fetchImages(html: string): void {
  for (const [tag] of html.matchAll(/<img\s[^>]*>/g)) {
    // A raster figure's srcset lets the browser pick its size: that one is left to the page.
    const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
    if (!src || tag.includes(' srcset=') || fetchedImages.has(src)) continue;
    const image = new Image();
    image.decoding = 'async';
    image.src = src;
    fetchedImages.set(src, image);
    image.decode().catch(() => fetchedImages.delete(src));
  }
}

/**
 * One page of course text. The HTML comes from the build, which rejects raw HTML in
 * Markdown, so rendering it is safe by construction.
 */
@customElement('micic-page-view')
export class PageView extends LitElement {
  static override styles = [
    theme,
    pageFrame,
    pageBlockStyles,
    css`
      h2 {
        font-size: var(--micic-text-lg);
        margin: var(--micic-space-6) 0 var(--micic-space-2);
      }
      h3 {
        font-size: var(--micic-text-md);
        margin: var(--micic-space-5) 0 var(--micic-space-2);
      }
      p,
      li {
        max-width: 70ch;
      }
      a {
        color: var(--micic-accent);
      }
      /* Figures from the build: intrinsic size written in, shrunk to the column, never stretched. */
      .figure {
        margin: var(--micic-space-5) 0;
        container-type: inline-size;
      }
      .figure img {
        display: block;
        max-width: 100%;
        height: auto;
        border-radius: var(--micic-radius);
      }
      /* A drawn figure never shrinks under 30rem, so its text stays at 12 px or more (media.ts
         FIGURE_MIN_WIDTH); in a narrower column it scrolls sideways in its frame. */
      .figure-hint {
        display: none;
      }
      @container (max-width: 29.99rem) {
        .figure-frame {
          overflow-x: auto;
          border-radius: var(--micic-radius);
          box-shadow: inset -12px 0 10px -10px rgb(0 0 0 / 0.35);
        }
        .figure-frame img {
          width: 30rem;
          max-width: none;
        }
        .figure-hint {
          display: block;
          margin: var(--micic-space-1) 0 0;
          font-size: var(--micic-text-sm);
          color: var(--micic-muted);
        }
      }
      .figure-frame:focus-visible {
        outline: 3px solid var(--micic-focus);
        outline-offset: 2px;
      }
      /* Over a labelled graphic the whole stage keeps the width (hotspots-block.ts). */
      micic-hotspots .figure-frame img {
        width: auto;
        max-width: 100%;
      }
      micic-hotspots .figure-hint {
        display: none;
      }
      micic-hotspots .figure {
        margin: 0;
        /* Its own width, not a size container's none: the stage fits the image (hotspots-block.ts). */
        container-type: normal;
      }
      figcaption {
        margin-top: var(--micic-space-2);
        font-size: var(--micic-text-sm);
        color: var(--micic-muted);
        max-width: var(--micic-measure);
      }
      @media print {
        .figure {
          break-inside: avoid;
        }
        .figure img,
        .figure-frame img {
          max-height: 60vh;
          width: auto;
          max-width: 100%;
        }
        .figure-frame {
          overflow: visible;
          box-shadow: none;
        }
        .figure-hint {
          display: none !important;
        }
      }
      blockquote {
        margin: var(--micic-space-4) 0;
        padding: var(--micic-space-2) var(--micic-space-4);
        border-inline-start: 4px solid var(--micic-accent);
        background: var(--micic-panel);
      }
    `,
  ];

  @property({ attribute: false }) page?: CompiledPage;
  @property() language: Language = 'en';
  /** Knowledge checks of this module: keys, and texts in the current language. */
  @property({ attribute: false }) checks: Record<string, QuestionKey> = {};
  @property({ attribute: false }) texts: Record<string, QuestionText> = {};
  /** The learner's saved answers to these checks, by check id: shown answered on a resumed page. */
  @property({ attribute: false }) answers: Record<string, Response> = {};
  /** This module's written tasks and the learner's saved answers to them. */
  @property({ attribute: false }) tasks: TaskKey[] = [];
  @property({ attribute: false }) taskAnswers: Record<string, TaskAnswer> = {};
  /** The learner's own seed for the order of options in knowledge checks. */
  @property({ type: Number }) seed = 0;
  /** The module's workshop prompts, in the current language. */
  @property({ attribute: false }) prompts: string[] = [];
  @query('h1') private heading?: HTMLElement;
  /** A figure that scrolls sideways can be scrolled from the keyboard too. */
  private readonly frames = new ScrollFrames(this, '.figure-frame');
  /** The page's parts, drawn a frame apart (page-parts.ts). */
  private parts: PagePart[] = [];
  private readonly reveal = new PartReveal(this);

  /** Resolves once the whole page is drawn, not only its first part. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let settled = await super.getUpdateComplete();
    while (this.reveal.pending || this.isUpdatePending) {
      await this.reveal.complete;
      settled = await super.getUpdateComplete();
    }
    return settled;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('page')) {
      this.parts = this.page ? takeParts(this.page) : [];
      // The same page again (in the other language) is drawn whole at once: the learner may be
      // reading halfway down it, and a page that shrank to its first part would lose their place.
      const samePage = !!this.page && changed.get('page')?.id === this.page.id;
      this.reveal.reset(this.parts.length, samePage);
    }
  }

  /** Moves focus to the page title, so screen readers announce the page that opened. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.heading?.focus();
  }

  override render() {
    if (!this.page) return html``;
    // Knowledge checks, written tasks and interactive blocks load on first use (the course
    // loads them before it shows the page: see preparePage).
    void loadPageCode(this.page);
    return html`<article>
      <h1 tabindex="-1">${this.page.title}</h1>
      <slot name="intro"></slot>
      ${this.parts.slice(0, this.reveal.shown).map((part) => ('nodes' in part ? part.nodes : this.renderBlock(part.block)))}
    </article>`;
  }

  private renderBlock(block: OwnBlock) {
    if ('prompts' in block) return html`<ol class="prompts">${this.prompts.map((prompt) => html`<li>${prompt}</li>`)}</ol>`;
    if ('task' in block)
      return keyed(
        `${this.page!.id}/${block.task}`,
        html`<micic-written-task
          .task=${this.tasks.find((t) => t.id === block.task)}
          .text=${this.texts[block.task]}
          .saved=${this.taskAnswers[block.task]}
          .language=${this.language}
        ></micic-written-task>`,
      );
    return keyed(
      `${this.page!.id}/${block.check}`,
      html`<micic-knowledge-check
        .question=${this.checks[block.check]}
        .text=${this.texts[block.check]}
        .saved=${this.answers[block.check]}
        .language=${this.language}
        .seed=${this.seed}
      ></micic-knowledge-check>`,
    );
  }
}
