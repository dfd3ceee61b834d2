import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Language, ModuleSummary } from '../content/schema';
import { formatMinutes, translate } from '../i18n';
import { moduleMinutes } from '../controllers/module-pages';
import { theme } from './theme';

/** What a module promises, shown where it opens: its objectives and how long it takes. */
@customElement('micic-module-intro')
export class ModuleIntro extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
        max-width: 46rem;
        margin-bottom: var(--micic-space-5);
      }
      section {
        background: var(--micic-panel);
        border-inline-start: 4px solid var(--micic-accent);
        border-radius: var(--micic-radius);
        padding: var(--micic-space-3) var(--micic-space-4);
      }
      h2 {
        font-size: var(--micic-text-md);
        margin: 0 0 var(--micic-space-1);
      }
      .duration {
        margin: 0 0 var(--micic-space-2);
        color: var(--micic-muted);
      }
      ul {
        margin: 0;
        padding-inline-start: 1.25rem;
      }
    `,
  ];

  @property() language: Language = 'en';
  /** The heading, when the module's title already stands above (the module landing). */
  @property() heading?: string;
  @property({ attribute: false }) module?: Pick<ModuleSummary, 'number' | 'title' | 'objectives' | 'pages'>;

  override render() {
    const module = this.module;
    if (!module) return html``;
    const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate(this.language, key, values);
    return html`<section aria-labelledby="module-intro-title">
      <h2 id="module-intro-title">${this.heading ?? `${t('nav.module', { number: module.number })}: ${module.title[this.language]}`}</h2>
      <p class="duration">${t('intro.duration', { time: formatMinutes(this.language, moduleMinutes(module)), pages: module.pages.length })}</p>
      <p>${t('intro.objectives')}</p>
      <ul>
        ${module.objectives.map((objective) => html`<li>${objective.text[this.language]}</li>`)}
      </ul>
    </section>`;
  }
}
