import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Language, QuestionKey, QuestionText } from '../content/schema';
import { createQuizActor, type QuizActor, type QuizContext } from '../machines/quiz-machine';
import { attemptSeed, hashString, isComplete, presentationOrder, type Response } from '../machines/quiz-scoring';
import { translate } from '../i18n';
import { theme } from './theme';
import { practiceFrame } from './practice-styles';
import './question-view';

/**
 * An ungraded question inside a page. It runs on the same quiz machine as the graded quiz (a
 * one-question quiz with unlimited tries); nothing is reported to the LMS as an interaction.
 * Each checked answer is announced (`check-answered`) so that progress keeps it, and an element
 * given a saved answer opens showing it checked, with its feedback.
 *
 * @fires check-answered - { check, response } when the learner checks an answer
 */
@customElement('micic-knowledge-check')
export class KnowledgeCheck extends LitElement {
  static override styles = [
    theme,
    practiceFrame,
    css`
      .result {
        margin-top: var(--micic-space-2);
      }
    `,
  ];

  @property({ attribute: false }) question?: QuestionKey;
  @property({ attribute: false }) text?: QuestionText;
  @property() language: Language = 'en';
  /** The learner's own seed: options appear in an order of their own, the same on every visit. */
  @property({ type: Number }) seed = 0;
  /** The answer last checked, from saved progress: the check opens answered. */
  @property({ attribute: false }) saved?: Response;
  @state() private snapshot?: { value: unknown; context: QuizContext };
  /** "Check answer" was pressed with no complete answer. */
  @state() private answerMissing = false;
  private actor?: QuizActor;

  override connectedCallback(): void {
    super.connectedCallback();
    this.startActor();
  }

  /**
   * Properties set before this element's code loaded arrive only at its first update, after
   * connectedCallback: start the machine whenever the question is there and none runs yet.
   */
  protected override willUpdate(): void {
    this.startActor();
  }

  private startActor(): void {
    if (!this.question || this.actor) return;
    const seed = (this.seed ^ hashString(this.question.id)) >>> 0;
    const saved = this.saved?.type === this.question.type ? this.saved : undefined;
    this.actor = createQuizActor({
      quiz: { attempts: 0, keep: 'last', draw: 1, questions: [this.question] },
      masteryScore: 100,
      seed,
      ...(saved ? { restored: { state: 'feedback' as const, seed, attempt: 1, index: 0, responses: [saved], countedObjectives: {} } } : {}),
    });
    this.actor.subscribe((snapshot) => (this.snapshot = snapshot));
    this.actor.on('answered', (event) => {
      this.dispatchEvent(new CustomEvent('check-answered', { detail: { check: event.question.id, response: event.response }, bubbles: true, composed: true }));
    });
    this.actor.start();
    if (!saved) this.actor.send({ type: 'quiz.start', at: Date.now() });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.actor?.stop();
    this.actor = undefined;
  }

  override render() {
    const { question, text, snapshot, actor } = this;
    if (!question || !text || !snapshot || !actor) return nothing;
    const context = snapshot.context;
    const checked = snapshot.value === 'feedback';
    const result = context.results[question.id];
    const order = presentationOrder(question, attemptSeed(context.seed, context.attempt));
    const t = (key: Parameters<typeof translate>[1]) => translate(this.language, key);
    const check = () => {
      if (!context.draft && question.type === 'ordering') actor.send({ type: 'answer.change', response: { type: 'ordering', order } });
      else if (!isComplete(question, context.draft)) {
        this.answerMissing = true;
        return;
      }
      actor.send({ type: 'answer.check', at: Date.now() });
    };
    const tryAgain = () => {
      actor.send({ type: 'question.next', at: Date.now() });
      actor.send({ type: 'quiz.retry', at: Date.now() });
    };
    return html`<section aria-label=${t('check.title')}>
      <h2>${t('check.title')}</h2>
      <micic-question
        .question=${question}
        .text=${text}
        .order=${order}
        .response=${checked ? result?.response : context.draft}
        ?locked=${checked}
        .language=${this.language}
        @answer-change=${(e: CustomEvent<Response>) => {
          this.answerMissing = false;
          actor.send({ type: 'answer.change', response: e.detail });
        }}
      ></micic-question>
      <div class="result" role="status" aria-live="polite">
        ${this.answerMissing && !checked ? html`<p class="missing">${t('quiz.answerFirst')}</p>` : nothing}
        ${checked && result
          ? html`<p><strong>${result.score === 1 ? `✓ ${t('quiz.correct')}` : result.score > 0 ? `◐ ${t('quiz.partly')}` : `✗ ${t('quiz.incorrect')}`}</strong> ${text.explanation}</p>`
          : nothing}
      </div>
      ${checked
        ? html`<button type="button" @click=${tryAgain}>${t('check.tryAgain')}</button>`
        : html`<button type="button" @click=${check}>${t('quiz.check')}</button>`}
    </section>`;
  }
}
