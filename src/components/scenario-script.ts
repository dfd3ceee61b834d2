import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Language, ScenarioKey, ScenarioText } from '../content/schema';
import { formatPercent, guidelineList, translate, type UiStringKey } from '../i18n';
import { pageFrame, scenarioSetting, theme } from './theme';

/** Zoom steps of the trainer's map, as a share of the reading column's width. */
export const MAP_ZOOM_STEPS = [1, 1.5, 2, 3] as const;

/**
 * The trainer preview of a scenario: its map (zoomable, and openable at full size) and every
 * scene, choice, consequence and ending, for trainers preparing a debrief.
 */
@customElement('micic-scenario-script')
export class ScenarioScript extends LitElement {
  static override styles = [
    theme,
    pageFrame,
    scenarioSetting,
    css`
      .map-tools {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--micic-space-2);
        margin: var(--micic-space-4) 0 var(--micic-space-2);
      }
      .map-tools button {
        font: inherit;
        min-height: 2.75rem;
        min-width: 2.75rem;
        padding: var(--micic-space-1) var(--micic-space-3);
        border: 1px solid var(--micic-accent);
        border-radius: var(--micic-radius);
        background: var(--micic-bg);
        color: var(--micic-accent);
        cursor: pointer;
      }
      .map-tools button:disabled {
        border-color: var(--micic-muted);
        color: var(--micic-muted);
        cursor: default;
      }
      .map-tools button:focus-visible,
      .map-tools a:focus-visible,
      .map-frame:focus-visible {
        outline: 3px solid var(--micic-focus);
        outline-offset: 2px;
      }
      .map-tools a {
        color: var(--micic-link, var(--micic-accent));
      }
      .map-frame {
        overflow: auto;
        max-height: 80vh;
        border: 1px solid var(--micic-border);
        border-radius: var(--micic-radius);
        margin: 0;
      }
      .map-frame img {
        display: block;
        width: 100%;
        height: auto;
      }
      .map-frame[data-zoom='1.5'] img {
        width: 150%;
        max-width: none;
      }
      .map-frame[data-zoom='2'] img {
        width: 200%;
        max-width: none;
      }
      .map-frame[data-zoom='3'] img {
        width: 300%;
        max-width: none;
      }
    `,
  ];

  @property() language: Language = 'en';
  @property({ attribute: false }) key?: ScenarioKey;
  @property({ attribute: false }) text?: ScenarioText;
  @property() moduleId = '';
  @state() private zoom: number = MAP_ZOOM_STEPS[0];

  private t(key: UiStringKey, values?: Record<string, string | number>): string {
    return translate(this.language, key, values);
  }

  private stepZoom(by: 1 | -1): void {
    const index = MAP_ZOOM_STEPS.indexOf(this.zoom as (typeof MAP_ZOOM_STEPS)[number]);
    this.zoom = MAP_ZOOM_STEPS[Math.min(MAP_ZOOM_STEPS.length - 1, Math.max(0, index + by))]!;
  }

  override render() {
    const { key, text } = this;
    if (!key || !text) return nothing;
    const nameOf = (id: string) => {
      const sceneIndex = key.scenes.findIndex((s) => s.id === id);
      if (sceneIndex >= 0) return this.t('scenario.decision', { number: sceneIndex + 1 });
      const ending = key.endings.find((e) => e.id === id);
      return ending ? `${this.t(`scenario.ending.${ending.kind}`)}: ${text.endings[id]?.title}` : id;
    };
    const map = `scenario-maps/${this.moduleId}-${key.id}.${this.language}.svg`;
    const first = this.zoom === MAP_ZOOM_STEPS[0];
    const last = this.zoom === MAP_ZOOM_STEPS[MAP_ZOOM_STEPS.length - 1];
    return html`<h1 tabindex="-1">${text.title}</h1>
      <div class="setting">
        <p><strong>${this.t('scenario.role')}</strong> ${text.role}</p>
        <p>${text.setting}</p>
      </div>
      <div class="map-tools" role="group" aria-label=${this.t('trainer.mapZoom')}>
        <button type="button" class="zoom-out" ?disabled=${first} @click=${() => this.stepZoom(-1)}>− ${this.t('trainer.zoomOut')}</button>
        <output aria-live="polite">${formatPercent(this.language, this.zoom * 100)}</output>
        <button type="button" class="zoom-in" ?disabled=${last} @click=${() => this.stepZoom(1)}>+ ${this.t('trainer.zoomIn')}</button>
        <a href=${map} target="_blank" rel="noopener">${this.t('trainer.mapFullSize')}</a>
      </div>
      <figure class="map-frame" data-zoom=${String(this.zoom)} tabindex="0" aria-label=${this.t('trainer.map')}>
        <img src=${map} alt=${this.t('trainer.map')} width="672" />
      </figure>
      <h2>${this.t('trainer.script')}</h2>
      ${key.scenes.map(
        (scene, i) => html`<h3>${this.t('scenario.decision', { number: i + 1 })}</h3>
          <p>${text.scenes[scene.id]?.situation}</p>
          <ul>
            ${scene.choices.map(
              (choice) => html`<li>
                <strong>${choice.best ? `${this.t('trainer.best')}: ` : ''}${text.scenes[scene.id]?.choices[choice.id]?.text}</strong>
                — ${text.scenes[scene.id]?.choices[choice.id]?.consequence}
                ${this.t('trainer.leadsTo')} ${nameOf(choice.next)}. ${guidelineList(this.language, choice.guidelines)}
              </li>`,
            )}
          </ul>`,
      )}
      <h2>${this.t('scenario.debrief')}</h2>
      <dl>
        ${key.endings.map((e) => html`<dt>${this.t(`scenario.ending.${e.kind}`)}: ${text.endings[e.id]?.title}</dt><dd>${text.endings[e.id]?.debrief}</dd>`)}
      </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'micic-scenario-script': ScenarioScript;
  }
}
