import { LitElement, html, css, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Language, ModuleSummary } from '../content/schema';
import type { Position } from '../machines/course-machine';
import { translate } from '../i18n';
import { theme } from './theme';

/**
 * The contents of the modules in scope: one list per module, one link-like button per page,
 * with "seen" shown as a check mark *and* in text for screen readers.
 * @fires navigate - detail: the Position chosen
 */
@customElement('micic-table-of-contents')
export class TableOfContents extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1rem;
        margin: 0 0 0.5rem;
      }
      h3 {
        font-size: 0.95rem;
        margin: 1rem 0 0.25rem;
        color: var(--micic-muted);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      button {
        display: flex;
        gap: 0.5rem;
        width: 100%;
        text-align: start;
        border: 0;
        background: transparent;
        color: var(--micic-ink);
        padding: 0.4rem 0.5rem;
        align-items: baseline;
      }
      button:hover {
        background: var(--micic-surface);
        text-decoration: underline;
      }
      button[aria-current='page'] {
        background: var(--micic-surface);
        font-weight: 700;
        box-shadow: inset 4px 0 0 var(--micic-accent);
      }
      .mark {
        flex: 0 0 1.2em;
        color: var(--micic-success);
        font-weight: 700;
      }
    `,
  ];

  @property() language: Language = 'en';
  @property({ attribute: false }) modules: readonly ModuleSummary[] = [];
  @property({ attribute: false }) visited: boolean[][] = [];
  @property({ attribute: false }) position: Position = { module: 0, page: 0 };

  override render() {
    const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
      translate(this.language, key, values);
    return html`<h2 id="toc-heading">${t('nav.contents')}</h2>
      ${this.modules.map(
        (module, m) => html`<h3 id="toc-module-${m}">
            ${t('nav.module', { number: module.number })}: ${module.title[this.language]}
          </h3>
          <ol aria-labelledby="toc-module-${m}">
            ${module.pages.map((page, p) => {
              const current = m === this.position.module && p === this.position.page;
              const seen = this.visited[m]?.[p] ?? false;
              return html`<li>
                <button
                  type="button"
                  aria-current=${current ? 'page' : nothing}
                  @click=${() => this.navigate({ module: m, page: p })}
                >
                  <span class="mark" aria-hidden="true">${seen ? '✓' : ''}</span>
                  <span>${page.title[this.language]}</span>
                  <span class="visually-hidden">(${t(seen ? 'nav.visited' : 'nav.notVisited')})</span>
                </button>
              </li>`;
            })}
          </ol>`,
      )}`;
  }

  private navigate(position: Position): void {
    this.dispatchEvent(new CustomEvent<Position>('navigate', { detail: position, bubbles: true, composed: true }));
  }
}
