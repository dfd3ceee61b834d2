import { LitElement, html, css, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Language, QuestionKey, QuestionText } from '../content/schema';
import type { Response } from '../machines/quiz-scoring';
import { translate, type UiStringKey } from '../i18n';
import { theme } from './theme';

let instances = 0;

/**
 * One question of any type, operable by keyboard alone: native radios and checkboxes, Move up /
 * Move down buttons for ordering, a select per item for matching. It shows the learner's
 * response and, once checked, marks right and wrong with words and symbols, never colour alone.
 * @fires answer-change - detail: the new Response
 */
@customElement('micic-question')
export class QuestionView extends LitElement {
  static override styles = [
    theme,
    css`
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        min-width: 0;
      }
      legend {
        font-size: 1.15rem;
        font-weight: 700;
        padding: 0;
        margin-bottom: var(--micic-space-1);
      }
      .hint {
        color: var(--micic-muted);
        margin: 0 0 var(--micic-space-3);
        font-size: 0.95rem;
      }
      .choice,
      .item {
        display: flex;
        gap: var(--micic-space-2);
        align-items: center;
        flex-wrap: wrap;
        padding: var(--micic-space-2) var(--micic-space-3);
        margin-bottom: var(--micic-space-2);
        border: 1px solid var(--micic-border);
        border-radius: var(--micic-radius);
      }
      .choice input {
        width: 1.25rem;
        height: 1.25rem;
        margin: 0;
        flex: 0 0 auto;
      }
      .choice label {
        flex: 1;
        cursor: pointer;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .item span.text {
        flex: 1 1 12rem;
      }
      .item button {
        border: 1px solid var(--micic-ink);
        background: var(--micic-surface);
        color: var(--micic-ink);
        padding: 0.2rem 0.6rem;
      }
      fieldset.pair {
        display: block;
        border: 1px solid var(--micic-border);
        border-radius: var(--micic-radius);
        margin: var(--micic-space-3) 0 0;
        padding: var(--micic-space-1) var(--micic-space-3) var(--micic-space-2);
      }
      fieldset.pair .choice {
        border: 0;
        padding: var(--micic-space-1) 0;
        margin: 0;
      }
      fieldset.pair legend {
        font-weight: 700;
        font-size: var(--micic-text-base);
        padding: 0 var(--micic-space-1);
      }
      .mark {
        font-weight: 700;
        flex: 0 0 auto;
      }
      .mark.right {
        color: var(--micic-success);
      }
      .mark.wrong {
        color: var(--micic-error);
      }
      .feedback {
        flex-basis: 100%;
        margin: var(--micic-space-1) 0 0;
        color: var(--micic-muted);
      }
    `,
  ];

  @property({ attribute: false }) question?: QuestionKey;
  @property({ attribute: false }) text?: QuestionText;
  /** The shuffled order of options, items or targets for this attempt. */
  @property({ attribute: false }) order: string[] = [];
  @property({ attribute: false }) response?: Response;
  /** Once checked: inputs are fixed and right/wrong is shown. */
  @property({ type: Boolean }) locked = false;
  @property() language: Language = 'en';
  @property() announcement = '';

  private readonly name = `q${++instances}`;
  /** After a move, focus follows the moved item once the new order arrives. */
  private pendingFocus: { item: string; direction: 'up' | 'down' } | undefined;

  protected override updated(changed: Map<string, unknown>): void {
    if (!changed.has('response') || !this.pendingFocus) return;
    const { item, direction } = this.pendingFocus;
    this.pendingFocus = undefined;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>(`button[data-item="${item}"]`)].filter((b) => !b.disabled);
    // Keep the same direction so repeated presses keep moving the item; at the end, the other button.
    (buttons.find((b) => b.dataset.direction === direction) ?? buttons[0])?.focus();
  }

  private t(key: UiStringKey, values?: Record<string, string | number>): string {
    return translate(this.language, key, values);
  }

  private change(response: Response): void {
    this.dispatchEvent(new CustomEvent<Response>('answer-change', { detail: response, bubbles: true, composed: true }));
  }

  override render() {
    const { question, text } = this;
    if (!question || !text) return nothing;
    return html`<fieldset>
      <legend>${text.prompt}</legend>
      ${this.body(question, text)}
    </fieldset>`;
  }

  private body(question: QuestionKey, text: QuestionText) {
    switch (question.type) {
      case 'single-choice':
      case 'true-false':
        return this.choices(question, text, false);
      case 'multiple-response':
        return this.choices(question, text, true);
      case 'ordering':
        return this.ordering(question, text);
      case 'matching':
        return this.matching(question, text);
    }
  }

  private mark(right: boolean | undefined, label: string) {
    if (right === undefined) return nothing;
    return html`<span class="mark ${right ? 'right' : 'wrong'}">${right ? '✓' : '✗'} <span class="visually-hidden">${label}</span></span>`;
  }

  private choices(question: QuestionKey, text: QuestionText, multiple: boolean) {
    const ids = question.type === 'true-false' ? ['true', 'false'] : this.order;
    const chosen = (id: string): boolean => {
      const r = this.response;
      if (!r) return false;
      if (r.type === 'single-choice') return r.option === id;
      if (r.type === 'true-false') return String(r.value) === id;
      if (r.type === 'multiple-response') return r.options.includes(id);
      return false;
    };
    const isCorrect = (id: string): boolean =>
      question.type === 'single-choice'
        ? question.answer === id
        : question.type === 'true-false'
          ? String(question.answer) === id
          : question.type === 'multiple-response' && question.answers.includes(id);
    const label = (id: string) =>
      question.type === 'true-false' ? this.t(id === 'true' ? 'question.true' : 'question.false') : (text.labels[id] ?? id);
    const select = (id: string, checked: boolean) => {
      if (question.type === 'true-false') this.change({ type: 'true-false', value: id === 'true' });
      else if (question.type === 'single-choice') this.change({ type: 'single-choice', option: id });
      else if (question.type === 'multiple-response') {
        const current = this.response?.type === 'multiple-response' ? this.response.options : [];
        const next = checked ? [...current, id] : current.filter((o) => o !== id);
        this.change({ type: 'multiple-response', options: question.options.filter((o) => next.includes(o)) });
      }
    };
    return html`<p class="hint">${this.t(multiple ? 'question.chooseAll' : 'question.chooseOne')}</p>
      ${ids.map((id) => {
        const inputId = `${this.name}-${id}`;
        const isChosen = chosen(id);
        const right = this.locked && (isChosen || isCorrect(id)) ? isCorrect(id) : undefined;
        const markLabel = isCorrect(id) ? this.t('quiz.correctAnswer') : this.t('quiz.yourAnswer');
        return html`<div class="choice">
          <input
            id=${inputId}
            type=${multiple ? 'checkbox' : 'radio'}
            name=${this.name}
            .checked=${isChosen}
            ?disabled=${this.locked}
            @change=${(e: Event) => select(id, (e.target as HTMLInputElement).checked)}
          />
          <label for=${inputId}>${label(id)}</label>
          ${this.mark(right, markLabel)}
          ${this.locked && isChosen && text.feedback[id] ? html`<p class="feedback">${text.feedback[id]}</p>` : nothing}
        </div>`;
      })}`;
  }

  private ordering(question: Extract<QuestionKey, { type: 'ordering' }>, text: QuestionText) {
    const order = this.response?.type === 'ordering' ? this.response.order : this.order;
    const move = (from: number, to: number) => {
      const next = [...order];
      const [item] = next.splice(from, 1);
      next.splice(to, 0, item!);
      this.announcement = this.t('question.position', { item: text.labels[item!] ?? item!, position: to + 1, total: next.length });
      this.pendingFocus = { item: item!, direction: to < from ? 'up' : 'down' };
      this.change({ type: 'ordering', order: next });
    };
    return html`<p class="hint">${this.t('question.order')}</p>
      <ol>
        ${order.map((id, i) => {
          const right = this.locked ? question.items[i] === id : undefined;
          return html`<li class="item">
            <span class="text">${i + 1}. ${text.labels[id] ?? id}</span>
            ${this.locked
              ? this.mark(right, right ? this.t('quiz.correct') : this.t('quiz.incorrect'))
              : html`<button type="button" data-item=${id} data-direction="up" ?disabled=${i === 0} aria-label="${this.t('question.moveUp')}: ${text.labels[id] ?? id}" @click=${() => move(i, i - 1)}>↑ ${this.t('question.moveUp')}</button>
                  <button type="button" data-item=${id} data-direction="down" ?disabled=${i === order.length - 1} aria-label="${this.t('question.moveDown')}: ${text.labels[id] ?? id}" @click=${() => move(i, i + 1)}>↓ ${this.t('question.moveDown')}</button>`}
          </li>`;
        })}
      </ol>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>`;
  }

  /**
   * One radio group per item, every option written out in full: a drop-down would cut long
   * options short on a phone.
   */
  private matching(question: Extract<QuestionKey, { type: 'matching' }>, text: QuestionText) {
    const pairs = this.response?.type === 'matching' ? this.response.pairs : {};
    return html`<p class="hint">${this.t('question.match')}</p>
      ${question.sources.map((source) => {
        const groupName = `${this.name}-${source}`;
        const right = this.locked ? pairs[source] === question.answer[source] : undefined;
        return html`<fieldset class="pair">
          <legend>${text.labels[source] ?? source} ${this.mark(right, right ? this.t('quiz.correct') : this.t('quiz.incorrect'))}</legend>
          ${this.order.map((target) => {
            const inputId = `${groupName}-${target}`;
            return html`<div class="choice">
              <input
                id=${inputId}
                type="radio"
                name=${groupName}
                value=${target}
                .checked=${pairs[source] === target}
                ?disabled=${this.locked}
                @change=${() => this.change({ type: 'matching', pairs: { ...pairs, [source]: target } })}
              />
              <label for=${inputId}>${text.labels[target] ?? target}</label>
            </div>`;
          })}
          ${this.locked && !right ? html`<p class="feedback">${this.t('quiz.correctAnswer')} ${text.labels[question.answer[source]!]}</p>` : nothing}
        </fieldset>`;
      })}`;
  }
}
