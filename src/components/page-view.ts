import { LitElement, html, css } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { CompiledPage, Language, QuestionKey, QuestionText } from '../content/schema';
import { pageFrame, theme } from './theme';
import { loadBlocks } from './blocks/load-blocks';
import { pageBlockStyles } from './blocks/page-block-styles';

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
        font-size: 1.3rem;
        margin: 2rem 0 0.5rem;
      }
      h3 {
        font-size: 1.1rem;
        margin: 1.5rem 0 0.5rem;
      }
      p,
      li {
        max-width: 70ch;
      }
      a {
        color: var(--micic-accent);
      }
      blockquote {
        margin: 1rem 0;
        padding: 0.5rem 1rem;
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
  /** The learner's own seed for the order of options in knowledge checks. */
  @property({ type: Number }) seed = 0;
  /** The module's workshop prompts, in the current language. */
  @property({ attribute: false }) prompts: string[] = [];
  @query('h1') private heading?: HTMLElement;

  /** Moves focus to the page title, so screen readers announce the page that opened. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.heading?.focus();
  }

  override render() {
    if (!this.page) return html``;
    // Knowledge checks load on first use.
    if (this.page.blocks.some((block) => 'check' in block)) import('./knowledge-check').catch(() => undefined);
    // So do interactive content blocks, each kind on the first page that uses it.
    for (const block of this.page.blocks) if ('html' in block) void loadBlocks(block.html);
    return html`<article>
      <h1 tabindex="-1">${this.page.title}</h1>
      <slot name="intro"></slot>
      ${this.page.blocks.map((block) =>
        'html' in block
          ? unsafeHTML(block.html)
          : 'prompts' in block
            ? html`<ol class="prompts">${this.prompts.map((prompt) => html`<li>${prompt}</li>`)}</ol>`
            : keyed(
              `${this.page!.id}/${block.check}`,
              html`<micic-knowledge-check
                .question=${this.checks[block.check]}
                .text=${this.texts[block.check]}
                .language=${this.language}
                .seed=${this.seed}
              ></micic-knowledge-check>`,
            ),
      )}
    </article>`;
  }
}
