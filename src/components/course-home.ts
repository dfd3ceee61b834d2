import { LitElement, html, css, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CourseOutline, Language } from '../content/schema';
import type { CourseEvent } from '../machines/course-navigation';
import { formatMinutes, translate, type UiStringKey } from '../i18n';
import { moduleMinutes, type NavigableOutline } from '../controllers/module-pages';
import { actionStyles, bannerStyles, pageFrame, theme } from './theme';
import './progress-meter';

/**
 * The course home: every module as a card with its banner, number of objectives, time, the
 * learner's progress and a button that continues where they are (Start, Continue or Review).
 * @fires course-event - nav.continue or nav.landing for a module
 */
@customElement('micic-course-home')
export class CourseHome extends LitElement {
  static override styles = [
    theme,
    pageFrame,
    bannerStyles,
    actionStyles,
    css`
      :host {
        max-width: 72rem;
      }
      .intro {
        max-width: var(--micic-measure);
        color: var(--micic-muted);
        font-size: var(--micic-text-md);
        margin: 0 0 var(--micic-space-5);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--micic-space-5);
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      }
      li {
        display: flex;
        flex-direction: column;
        background: var(--micic-surface);
        border: 1px solid var(--micic-blue-200);
        border-radius: var(--micic-radius-lg);
        box-shadow: var(--micic-shadow);
        overflow: hidden;
      }
      .banner {
        border-radius: 0;
      }
      .body {
        display: flex;
        flex-direction: column;
        gap: var(--micic-space-2);
        padding: var(--micic-space-4);
        flex: 1 1 auto;
      }
      h2 {
        margin: 0;
      }
      .summary {
        margin: 0;
      }
      .meta {
        margin: 0;
        color: var(--micic-muted);
        font-size: var(--micic-text-sm);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--micic-space-2);
        margin-top: auto;
        padding-top: var(--micic-space-2);
      }
    `,
  ];

  @property() language: Language = 'en';
  @property({ attribute: false }) course?: CourseOutline;
  @property({ attribute: false }) modules: readonly NavigableOutline[] = [];
  /** visited[m][p]: pages seen, from the course machine. */
  @property({ attribute: false }) visited: boolean[][] = [];
  /** The module the learner is in (its card says Continue). */
  @property({ type: Number }) current = 0;

  private send(event: CourseEvent): void {
    this.dispatchEvent(new CustomEvent<CourseEvent>('course-event', { detail: event, bubbles: true, composed: true }));
  }

  override render() {
    const language = this.language;
    const t = (key: UiStringKey, values?: Record<string, string | number>) => translate(language, key, values);
    return html`<h1 tabindex="-1">${this.course?.title[language] ?? t('home.title')}</h1>
      <p class="intro">${t('home.intro')}</p>
      <ul>
        ${this.modules.map((module, m) => {
          const seen = this.visited[m]?.filter(Boolean).length ?? 0;
          const total = module.pages.length;
          const action: UiStringKey = seen === 0 ? 'home.start' : seen === total ? 'home.review' : 'home.continue';
          const banner = module.banner?.[language];
          const titleId = `module-${m}-title`;
          return html`<li ?data-current=${m === this.current}>
            ${banner ? html`<img class="banner" src=${banner.url} alt="" width=${banner.width} height=${banner.height} />` : nothing}
            <div class="body">
              <p class="eyebrow">${t('nav.module', { number: module.number })}</p>
              <h2 id=${titleId}>${module.title[language]}</h2>
              <p class="summary">${module.summary[language]}</p>
              <p class="meta">${t('home.objectives', { count: module.objectives.length })} · ${t('home.duration', { time: formatMinutes(language, moduleMinutes(module)) })}</p>
              <micic-progress-meter .language=${language} .seen=${seen} .total=${total}></micic-progress-meter>
              <div class="actions">
                <button type="button" class="primary" aria-describedby=${titleId} @click=${() => this.send({ type: 'nav.continue', module: m })}>
                  ${t(action)}${m === this.current && seen > 0 && seen < total ? ' →' : ''}
                </button>
                <button type="button" class="secondary" aria-describedby=${titleId} @click=${() => this.send({ type: 'nav.landing', module: m })}>${t('home.overview')}</button>
              </div>
            </div>
          </li>`;
        })}
      </ul>`;
  }
}
