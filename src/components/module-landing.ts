import { LitElement, html, css, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Language } from '../content/schema';
import type { CourseEvent } from '../machines/course-navigation';
import { translate, type UiStringKey } from '../i18n';
import type { NavigableOutline } from '../controllers/module-pages';
import { actionStyles, bannerStyles, pageFrame, theme } from './theme';
import './module-intro';
import './progress-meter';

/**
 * A module's landing: its banner, summary, objectives and time (the module intro), the learner's
 * progress, and the button into its pages. The first view of a single-module launch.
 * @fires course-event - nav.continue for this module, nav.home back to the course home
 */
@customElement('micic-module-landing')
export class ModuleLanding extends LitElement {
  static override styles = [
    theme,
    pageFrame,
    bannerStyles,
    actionStyles,
    css`
      .eyebrow {
        margin: var(--micic-space-4) 0 var(--micic-space-1);
      }
      .summary {
        font-size: var(--micic-text-md);
        max-width: var(--micic-measure);
      }
      micic-progress-meter {
        max-width: 24rem;
        margin-bottom: var(--micic-space-4);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--micic-space-3);
      }
    `,
  ];

  @property() language: Language = 'en';
  @property({ attribute: false }) module?: NavigableOutline;
  /** The module's place in this launch (what nav.continue names). */
  @property({ type: Number }) index = 0;
  @property({ attribute: false }) visited: boolean[] = [];
  /** A full-course launch also has a home to go back to. */
  @property({ type: Boolean }) hasHome = false;

  private send(event: CourseEvent): void {
    this.dispatchEvent(new CustomEvent<CourseEvent>('course-event', { detail: event, bubbles: true, composed: true }));
  }

  override render() {
    const module = this.module;
    if (!module) return nothing;
    const language = this.language;
    const t = (key: UiStringKey, values?: Record<string, string | number>) => translate(language, key, values);
    const seen = this.visited.filter(Boolean).length;
    const total = module.pages.length;
    const banner = module.banner?.[language];
    return html`${banner ? html`<img class="banner" src=${banner.url} alt="" width=${banner.width} height=${banner.height} />` : nothing}
      <p class="eyebrow">${t('nav.module', { number: module.number })}</p>
      <h1 tabindex="-1">${module.title[language]}</h1>
      <p class="summary">${module.summary[language]}</p>
      <micic-module-intro .language=${language} .module=${module} .heading=${t('landing.learn')}></micic-module-intro>
      <micic-progress-meter .language=${language} .seen=${seen} .total=${total}></micic-progress-meter>
      <div class="actions">
        <button type="button" class="primary" @click=${() => this.send({ type: 'nav.continue', module: this.index })}>
          ${t(seen === 0 ? 'home.start' : seen === total ? 'home.review' : 'home.continue')}
        </button>
        ${this.hasHome ? html`<button type="button" class="secondary" @click=${() => this.send({ type: 'nav.home' })}>${t('nav.home')}</button>` : nothing}
      </div>`;
  }
}
