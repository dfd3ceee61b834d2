import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Language, QuestionText } from '../content/schema';
import { currentQuestion, type QuizEvent } from '../machines/quiz-state';
import { attemptSeed, isComplete, presentationOrder, type Response } from '../machines/quiz-scoring';
import type { PretestView as PretestState } from '../controllers/pretest';
import { translate, type UiStringKey } from '../i18n';
import { theme } from './theme';
import { dataStyles } from './data-styles';
import './question-view';

/**
 * The module's ungraded pre-test, shown where the module opens: start, one question at a time
 * with no feedback, then how many were right. It renders the pre-test's quiz state and sends
 * quiz events; it decides nothing.
 * @fires pretest-event - detail: a QuizEvent for this module's pre-test
 */
@customElement('micic-pretest')
export class PretestPanel extends LitElement {
  static override styles = [
    theme,
    dataStyles,
    css`
      :host {
        display: block;
        max-width: 46rem;
        margin-bottom: 1.5rem;
      }
      section {
        border: 2px solid var(--micic-accent);
        border-radius: var(--micic-radius);
        padding: 0.75rem 1rem;
      }
      h2 {
        font-size: 1.05rem;
        margin: 0 0 0.5rem;
        color: var(--micic-accent);
      }
      .of {
        color: var(--micic-muted);
        margin: 0 0 0.5rem;
      }
      .missing {
        color: var(--micic-error);
        font-weight: 700;
      }
    `,
  ];

  @property() language: Language = 'en';
  @property({ attribute: false }) pretest?: PretestState;
  /** This module's question texts in the current language (they arrive once the pre-test starts). */
  @property({ attribute: false }) texts: Record<string, QuestionText> = {};
  @state() private answerMissing = false;

  private t(key: UiStringKey, values?: Record<string, string | number>): string {
    return translate(this.language, key, values);
  }

  private send(event: QuizEvent): void {
    this.dispatchEvent(new CustomEvent<QuizEvent>('pretest-event', { detail: event, bubbles: true, composed: true }));
  }

  override render() {
    const pretest = this.pretest;
    if (!pretest) return nothing;
    const { context, state: at } = pretest;
    const total = context.quiz.questions.length;
    return html`<section aria-labelledby="pretest-title">
      <h2 id="pretest-title">${this.t('pretest.title')}</h2>
      ${at === 'ready'
        ? html`<p>${this.t('pretest.intro', { count: total })}</p>
            <button type="button" class="outline start" @click=${() => this.send({ type: 'quiz.start', at: Date.now() })}>${this.t('pretest.start')}</button>`
        : at === 'review'
          ? html`<p role="status">${this.t('pretest.done', { correct: Object.values(context.results).filter((r) => r.score === 1).length, total })}</p>`
          : this.renderQuestion(pretest)}
    </section>`;
  }

  private renderQuestion({ context }: PretestState) {
    const question = currentQuestion(context);
    const text = question && this.texts[question.id];
    if (!question || !text) return html`<p role="status">${this.t('app.loading')}</p>`;
    const order = presentationOrder(question, attemptSeed(context.seed, context.attempt));
    const save = () => {
      if (!context.draft && question.type === 'ordering') this.send({ type: 'answer.change', response: { type: 'ordering', order } });
      else if (!isComplete(question, context.draft)) {
        this.answerMissing = true;
        return;
      }
      this.answerMissing = false;
      this.send({ type: 'answer.check', at: Date.now() });
    };
    return html`<p class="of">${this.t('quiz.questionOf', { number: context.index + 1, total: context.drawn.length })}</p>
      <micic-question
        .question=${question}
        .text=${text}
        .order=${order}
        .response=${context.draft}
        .language=${this.language}
        @answer-change=${(e: CustomEvent<Response>) => {
          this.answerMissing = false;
          this.send({ type: 'answer.change', response: e.detail });
        }}
      ></micic-question>
      <div role="status" aria-live="polite">${this.answerMissing ? html`<p class="missing">${this.t('quiz.answerFirst')}</p>` : nothing}</div>
      <button type="button" class="outline save" @click=${save}>${this.t('pretest.save')}</button>`;
  }
}
