import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Language, ScenarioKey, ScenarioText } from '../content/schema';
import { bestPath, choiceOrder, scorePercent, type ScenarioContext } from '../machines/scenario-graph';
import { formatPercent, guidelineList, translate, type UiStringKey } from '../i18n';
import { pageFrame, scenarioSetting, theme } from './theme';

export type ScenarioCommand = { type: 'choose'; choice: string } | { type: 'replay' };

/**
 * A branching crisis scenario: the situation, the indicators (as numbers and as bars, never
 * colour alone), the choices; after each choice its consequence; at the end the debrief with
 * the learner's path beside the best path. It renders the scenario machine's snapshot.
 * @fires scenario-command - detail: { scenario, command }
 */
@customElement('micic-scenario-view')
export class ScenarioView extends LitElement {
  static override styles = [
    theme,
    pageFrame,
    scenarioSetting,
    css`
      dl {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: var(--micic-space-1) var(--micic-space-4);
        margin: 0;
      }
      dd {
        margin: 0;
        font-weight: 700;
      }
      /* A native <meter>: no inline style, so it draws right under a strict CSP. */
      meter {
        grid-column: 1 / -1;
        display: block;
        appearance: none;
        box-sizing: border-box;
        width: 100%;
        height: 0.4rem;
        border: 1px solid var(--micic-muted);
        border-radius: 999px;
        overflow: hidden;
        margin-bottom: 0.4rem;
        background: transparent;
      }
      meter::-webkit-meter-inner-element {
        display: block;
        height: 100%;
      }
      meter::-webkit-meter-bar {
        background: transparent;
        border: 0;
        border-radius: 0;
        box-sizing: border-box;
        height: 100%;
      }
      meter::-webkit-meter-optimum-value,
      meter::-webkit-meter-suboptimum-value,
      meter::-webkit-meter-even-less-good-value {
        background: var(--micic-accent);
        height: 100%;
      }
      meter::-moz-meter-bar {
        background: var(--micic-accent);
      }
      .consequence {
        border-inline-start: 4px solid var(--micic-accent);
        padding: var(--micic-space-1) var(--micic-space-4);
        margin: var(--micic-space-4) 0;
      }
      ul.choices {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      ul.choices li {
        margin-bottom: var(--micic-space-2);
      }
      ul.choices button {
        width: 100%;
        text-align: start;
        border: 2px solid var(--micic-accent);
        background: var(--micic-surface);
        color: var(--micic-ink);
        padding: 0.6rem 0.9rem;
      }
      ul.choices button:hover {
        background: var(--micic-panel);
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.95rem;
      }
      th,
      td {
        border: 1px solid var(--micic-border);
        padding: 0.4rem;
        text-align: start;
        vertical-align: top;
      }
      .primary,
      .secondary {
        border: 2px solid var(--micic-accent);
        background: var(--micic-accent);
        color: var(--micic-accent-ink);
        padding: 0.4rem 1rem;
        margin-top: var(--micic-space-4);
        margin-inline-end: 0.75rem;
      }
      .secondary {
        background: var(--micic-surface);
        color: var(--micic-accent);
      }
      .confirm p {
        margin: var(--micic-space-4) 0 0;
      }
      /* On narrow screens each decision of the debrief becomes a card: label above each cell. */
      @media (max-width: 36rem) {
        table,
        tbody,
        tr,
        th,
        td {
          display: block;
          width: auto;
        }
        thead {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0 0 0 0);
        }
        tr {
          border: 1px solid var(--micic-border);
          border-radius: var(--micic-radius);
          margin-bottom: var(--micic-space-3);
        }
        th,
        td {
          border: 0;
        }
        td::before {
          content: attr(data-label);
          display: block;
          font-weight: 700;
          color: var(--micic-muted);
          font-size: var(--micic-text-sm);
        }
      }
    `,
  ];

  @property() language: Language = 'en';
  @property({ attribute: false }) key?: ScenarioKey;
  @property({ attribute: false }) text?: ScenarioText;
  /** The scene or ending the machine is in, and its context. */
  @property() at = '';
  @property({ attribute: false }) context?: ScenarioContext;
  @property() moduleId = '';
  /** The learner's own seed for the order of choices. */
  @property({ type: Number }) seed = 0;
  @query('[data-focus-target]') private focusTarget?: HTMLElement;
  /** "Play again" asks first: the finished play stays on the card until a new one ends. */
  @state() private confirmingReplay = false;
  private previousAt = '';

  private t(key: UiStringKey, values?: Record<string, string | number>): string {
    return translate(this.language, key, values);
  }

  private send(command: ScenarioCommand): void {
    this.dispatchEvent(new CustomEvent('scenario-command', { detail: { scenario: this.key!.id, command }, bubbles: true, composed: true }));
  }

  protected override updated(): void {
    // After a choice, focus the new decision (or the outcome) so the consequence is read next.
    if (this.previousAt && this.at !== this.previousAt) {
      this.confirmingReplay = false;
      this.focusTarget?.focus();
    }
    this.previousAt = this.at;
  }

  override render() {
    const { key, text, context } = this;
    if (!key || !text || !context) return nothing;
    const ending = key.endings.find((e) => e.id === this.at);
    const last = context.path.at(-1);
    return html`<h1 tabindex="-1">${text.title}</h1>
      <div class="setting">
        <p><strong>${this.t('scenario.role')}</strong> ${text.role}</p>
        <p>${text.setting}</p>
      </div>
      ${this.indicators(key, text, context)}
      <div role="status" aria-live="polite">
        ${last
          ? html`<p class="consequence"><strong>${this.t('scenario.whatHappened')}</strong> ${text.scenes[last.scene]?.choices[last.choice]?.consequence}</p>`
          : nothing}
      </div>
      ${ending ? this.debrief(key, text, context, ending) : this.scene(key, text, context)}`;
  }

  private indicators(key: ScenarioKey, text: ScenarioText, context: ScenarioContext) {
    if (key.indicators.length === 0) return nothing;
    return html`<h2>${this.t('scenario.indicators')}</h2>
      <dl>
        ${key.indicators.map((indicator) => {
          const value = context.indicators[indicator.id] ?? indicator.start;
          return html`<dt>${text.indicators[indicator.id]}</dt>
            <dd>${this.t('scenario.valueOf', { value, max: indicator.max })}</dd>
            <meter aria-hidden="true" min=${indicator.min} max=${indicator.max} .value=${value}></meter>`;
        })}
      </dl>`;
  }

  private scene(key: ScenarioKey, text: ScenarioText, context: ScenarioContext) {
    const scene = key.scenes.find((s) => s.id === this.at);
    if (!scene) return nothing;
    const sceneText = text.scenes[scene.id]!;
    return html`<h2 tabindex="-1" data-focus-target>${this.t('scenario.decision', { number: context.path.length + 1 })}</h2>
      <p>${sceneText.situation}</p>
      <p id="hint">${this.t('scenario.chooseHint')}</p>
      <ul class="choices" aria-describedby="hint">
        ${choiceOrder(key, scene.id, this.seed).map(
          (choice) => html`<li><button type="button" @click=${() => this.send({ type: 'choose', choice })}>${sceneText.choices[choice]?.text}</button></li>`,
        )}
      </ul>`;
  }

  private debrief(key: ScenarioKey, text: ScenarioText, context: ScenarioContext, ending: ScenarioKey['endings'][number]) {
    const best = bestPath(key);
    const choiceText = (scene: string, choice: string) => text.scenes[scene]?.choices[choice]?.text ?? choice;
    const guidelinesOf = (scene: string, choice: string) =>
      guidelineList(this.language, key.scenes.find((s) => s.id === scene)?.choices.find((c) => c.id === choice)?.guidelines ?? []);
    return html`<h2 tabindex="-1" data-focus-target>${this.t(`scenario.ending.${ending.kind}`)}: ${text.endings[ending.id]?.title}</h2>
      <p><strong>${this.t('scenario.debrief')}:</strong> ${text.endings[ending.id]?.debrief}</p>
      <p>${this.t('scenario.score', { score: formatPercent(this.language, scorePercent(key, context.score)) })}</p>
      <h2>${this.t('scenario.yourPath')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col"><span class="visually-hidden">${this.t('scenario.decisionColumn')}</span></th>
            <th scope="col">${this.t('scenario.yourChoice')}</th>
            <th scope="col">${this.t('scenario.bestChoice')}</th>
          </tr>
        </thead>
        <tbody>
          ${context.path.map((step, i) => {
            const bestChoice = key.scenes.find((s) => s.id === step.scene)!.choices.find((c) => c.best)!;
            const same = bestChoice.id === step.choice;
            return html`<tr>
              <th scope="row">${this.t('scenario.decision', { number: i + 1 })}</th>
              <td data-label=${this.t('scenario.yourChoice')}>${same ? '✓ ' : '✗ '}${choiceText(step.scene, step.choice)}<br /><small>${guidelinesOf(step.scene, step.choice)}</small></td>
              <td data-label=${this.t('scenario.bestChoice')}>${same ? this.t('scenario.same') : choiceText(step.scene, bestChoice.id)}${same ? nothing : html`<br /><small>${guidelineList(this.language, bestChoice.guidelines)}</small>`}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${best.length !== context.path.length || best.some((s, i) => s.scene !== context.path[i]?.scene)
        ? html`<p>${this.t('scenario.bestChoice')}: ${best.map((s) => choiceText(s.scene, s.choice)).join(' → ')}</p>`
        : nothing}
      ${this.confirmingReplay
        ? html`<div class="confirm" role="group" aria-labelledby="replay-question">
            <p id="replay-question">${this.t('scenario.replayConfirm')}</p>
            <button class="primary" type="button" data-confirm @click=${() => this.send({ type: 'replay' })}>${this.t('confirm.yes')}</button>
            <button class="secondary" type="button" @click=${() => (this.confirmingReplay = false)}>${this.t('confirm.no')}</button>
          </div>`
        : html`<button class="primary" type="button" @click=${this.askReplay}>${this.t('scenario.replay')}</button>`}`;
  }

  private askReplay = () => {
    this.confirmingReplay = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-confirm]')?.focus());
  };
}
