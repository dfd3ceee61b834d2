import { LitElement, html, css, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Language, ModuleOutline } from '../content/schema';
import type { Position } from '../machines/course-navigation';
import { formatMinutes, translate } from '../i18n';
import { moduleMinutes } from '../controllers/module-pages';
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
        font-size: var(--micic-text-base);
        margin: 0 0 var(--micic-space-2);
      }
      h3 {
        font-size: 0.95rem;
        margin: var(--micic-space-4) 0 var(--micic-space-1);
        color: var(--micic-muted);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      button {
        display: flex;
        gap: var(--micic-space-2);
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
      .title {
        flex: 1 1 auto;
      }
      .minutes {
        flex: 0 0 auto;
        color: var(--micic-muted);
        font-size: var(--micic-text-sm);
      }
      .progress {
        margin: 0 0 var(--micic-space-1);
        font-size: var(--micic-text-sm);
        color: var(--micic-muted);
      }
      progress {
        display: block;
        width: 100%;
        height: 0.4rem;
        accent-color: var(--micic-accent);
      }
    `,
  ];

  @property() language: Language = 'en';
  @property({ attribute: false }) modules: readonly ModuleOutline[] = [];
  @property({ attribute: false }) visited: boolean[][] = [];
  @property({ attribute: false }) position: Position = { module: 0, page: 0 };

  override render() {
    const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
      translate(this.language, key, values);
    const count = (m: number) => this.visited[m]?.filter(Boolean).length ?? 0;
    const seenInCourse = this.modules.reduce((sum, _, m) => sum + count(m), 0);
    const pagesInCourse = this.modules.reduce((sum, module) => sum + module.pages.length, 0);
    return html`<h2 id="toc-heading">${t('nav.contents')}</h2>
      ${this.modules.length > 1
        ? html`<p class="progress" id="toc-course-progress">${t('progress.course', { seen: seenInCourse, total: pagesInCourse })}</p>
            <progress max=${pagesInCourse} .value=${seenInCourse} aria-labelledby="toc-course-progress"></progress>`
        : nothing}
      ${this.modules.map(
        (module, m) => html`<h3 id="toc-module-${m}">
            ${t('nav.module', { number: module.number })}: ${module.title[this.language]}
          </h3>
          <p class="progress" id="toc-module-progress-${m}">
            ${t('progress.moduleSeen', { seen: count(m), total: module.pages.length, time: formatMinutes(this.language, moduleMinutes(module)) })}
          </p>
          <progress max=${module.pages.length} .value=${count(m)} aria-labelledby="toc-module-progress-${m}"></progress>
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
                  <span class="title">${page.title[this.language]}</span>
                  <span class="minutes">${formatMinutes(this.language, page.minutes)}</span>
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
