import { LitElement, html, css, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Language } from '../content/schema';
import type { ObjectiveSummary } from '../progress/class-summary';
import { formatPercent, translate, type UiStringKey } from '../i18n';
import { pageFrame, theme } from './theme';
import { dataStyles } from './data-styles';

export interface ClassViewData {
  cards: number;
  /** Files that could not be read, in words. */
  errors: string[];
  modules: Array<{
    title: string;
    cards: number;
    objectives: Array<ObjectiveSummary & { text: string }>;
    scenarios: Array<{
      title: string;
      scenes: Array<{ situation: string; choices: Array<{ text: string; count: number; best: boolean }> }>;
      endings: Array<{ kind: 'good' | 'mixed' | 'poor'; title: string; count: number }>;
    }>;
    prompts: Array<{ prompt: string; answers: string[] }>;
  }>;
}

/**
 * The trainer preview's class view: opens the group's workshop card files (read here, in the
 * browser) and shows the summary it is given.
 * @fires class-files - detail: Array<{ name, text }> of the files chosen
 * @fires class-view-close - back to the course
 */
@customElement('micic-class-view')
export class ClassView extends LitElement {
  static override styles = [
    theme,
    pageFrame,
    dataStyles,
    css`
      table {
        margin: 0.5rem 0 1rem;
      }
      td.count {
        text-align: end;
        white-space: nowrap;
      }
      .files {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
      }
      .errors {
        color: var(--micic-error);
      }
      blockquote {
        margin: 0.25rem 0;
        padding: 0.25rem 0.75rem;
        border-inline-start: 4px solid var(--micic-border);
      }
    `,
  ];

  @property() language: Language = 'en';
  @property({ attribute: false }) data?: ClassViewData;

  private t(key: UiStringKey, values?: Record<string, string | number>): string {
    return translate(this.language, key, values);
  }

  private async onFiles(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = await Promise.all([...(input.files ?? [])].map(async (file) => ({ name: file.name, text: await file.text() })));
    this.dispatchEvent(new CustomEvent('class-files', { detail: files, bubbles: true, composed: true }));
    input.value = '';
  }

  private objectiveRow(o: ObjectiveSummary & { text: string }) {
    const percent = (v: number | undefined) => (v === undefined ? '–' : formatPercent(this.language, v));
    return html`<tr>
      <td>${o.text}</td>
      <td class="count">${this.t('trainer.masteryRow', { mastered: o.mastered, assessed: o.assessed })}</td>
      <td>${this.t('trainer.averages', { pretest: percent(o.pretestAverage), quiz: percent(o.quizAverage) })}</td>
    </tr>`;
  }

  override render() {
    const data = this.data;
    if (!data) return nothing;
    return html`<h1 tabindex="-1">${this.t('trainer.classView')}</h1>
      <p>${this.t('trainer.classIntro')}</p>
      <div class="files">
        <label for="card-files">${this.t('trainer.openFiles')}</label>
        <input id="card-files" type="file" multiple accept=".json,application/json" @change=${this.onFiles} />
        <button type="button" class="outline close" @click=${() => this.dispatchEvent(new CustomEvent('class-view-close', { bubbles: true, composed: true }))}>${this.t('trainer.close')}</button>
      </div>
      <p role="status" class="total">${this.t('trainer.cards', { count: data.cards })}</p>
      ${data.errors.length ? html`<ul class="errors">${data.errors.map((e) => html`<li>${e}</li>`)}</ul>` : nothing}
      ${data.modules.map(
        (module) => html`<section class="module">
          <h2>${module.title} · ${this.t('trainer.cards', { count: module.cards })}</h2>
          <h3>${this.t('trainer.mastery')}</h3>
          <table class="mastery"><tbody>${module.objectives.map((o) => this.objectiveRow(o))}</tbody></table>
          <h3>${this.t('trainer.decisions')}</h3>
          ${module.scenarios.map(
            (s) => html`<h4>${s.title}</h4>
              ${s.scenes.map(
                (scene) => html`<table class="scene">
                  <caption>${scene.situation}</caption>
                  <tbody>
                    ${scene.choices.map(
                      (c) => html`<tr data-count=${c.count}>
                        <td>${c.best ? html`<strong>${c.text}</strong> <small>${this.t('trainer.best')}</small>` : c.text}</td>
                        <td class="count">${c.count} ${this.t('trainer.chose')}</td>
                      </tr>`,
                    )}
                  </tbody>
                </table>`,
              )}
              <ul class="endings">${s.endings.map((e) => html`<li>${this.t(`scenario.ending.${e.kind}`)}: ${e.title}: <strong>${e.count}</strong></li>`)}</ul>`,
          )}
          <h3>${this.t('trainer.answers')}</h3>
          <ol class="answers">
            ${module.prompts.map(
              (p) => html`<li>
                <p>${p.prompt}</p>
                ${p.answers.length ? p.answers.map((a) => html`<blockquote>${a}</blockquote>`) : html`<p><em>${this.t('trainer.noAnswer')}</em></p>`}
              </li>`,
            )}
          </ol>
        </section>`,
      )}`;
  }
}
