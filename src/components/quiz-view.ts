import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Language, Objective, PageSummary, QuestionText } from '../content/schema';
import type { CourseEvent } from '../machines/course-navigation';
import { attemptsLeft, currentQuestion, questionById, type QuizContext, type QuizEvent, type QuizStateName } from '../machines/quiz-state';
import { attemptSeed, correctResponse, isComplete, presentationOrder, type Response } from '../machines/quiz-scoring';
import { formatPercent, translate, type UiStringKey } from '../i18n';
import { pageFrame, theme } from './theme';
import './question-view';

/**
 * A module's graded quiz, rendered from the quiz machine's snapshot: intro, one question at a
 * time with feedback, then the review. Every action becomes a machine event.
 * @fires quiz-event - detail: a QuizEvent for this module's quiz machine
 */
@customElement('micic-quiz-view')
export class QuizView extends LitElement {
  static override styles = [
    theme,
    pageFrame,
    css`
      .actions {
        display: flex;
        gap: var(--micic-space-4);
        flex-wrap: wrap;
        margin-top: var(--micic-space-4);
      }
      .primary {
        border: 2px solid var(--micic-accent);
        background: var(--micic-accent);
        color: var(--micic-accent-ink);
        padding: 0.4rem 1rem;
      }
      .result {
        border-inline-start: 4px solid var(--micic-accent);
        background: var(--micic-panel);
        padding: var(--micic-space-2) var(--micic-space-4);
        margin-top: var(--micic-space-4);
      }
      .result strong {
        display: block;
      }
      ol.review {
        list-style: none;
        padding: 0;
      }
      h3.number {
        font-size: var(--micic-text-base);
        margin: 0 0 var(--micic-space-1);
      }
      .verdict {
        font-weight: 400;
        margin-inline-start: 0.5rem;
      }
      .secondary {
        border: 2px solid var(--micic-accent);
        background: var(--micic-surface);
        color: var(--micic-accent);
        padding: 0.4rem 1rem;
      }
      .confirm p {
        margin: 0 0 var(--micic-space-3);
      }
      .confirm button {
        margin-inline-end: 0.75rem;
      }
      .missing {
        color: var(--micic-error);
        font-weight: 700;
      }
      a {
        color: var(--micic-accent);
      }
      ol.review > li {
        margin-bottom: var(--micic-space-5);
      }
      .objective {
        color: var(--micic-muted);
        font-size: 0.95rem;
      }
    `,
  ];

  @property() language: Language = 'en';
  @property() state: QuizStateName = 'ready';
  @property({ attribute: false }) context?: QuizContext;
  @property({ attribute: false }) texts: Record<string, QuestionText> = {};
  @property({ attribute: false }) objectives: Objective[] = [];
  @property() heading = '';
  /** Trainer preview: the answer key instead of the quiz. */
  @property({ type: Boolean }) trainer = false;
  /** This module's pages and its place in the course, for links from missed questions to their page. */
  @property({ attribute: false }) pages: readonly PageSummary[] = [];
  @property({ type: Number }) moduleIndex = 0;
  @query('[data-focus-target]') private focusTarget?: HTMLElement;
  /** "Check answer" was pressed with no complete answer: say so instead of doing nothing. */
  @state() private answerMissing = false;
  /** A passed quiz asks before a new attempt starts. */
  @state() private confirmingRetry = false;

  private previousState: QuizStateName | undefined;
  private previousIndex = -1;

  private t(key: UiStringKey, values?: Record<string, string | number>): string {
    return translate(this.language, key, values);
  }

  private send(event: QuizEvent): void {
    this.dispatchEvent(new CustomEvent<QuizEvent>('quiz-event', { detail: event, bubbles: true, composed: true }));
  }

  protected override willUpdate(): void {
    const index = this.context?.index ?? -1;
    if (this.state !== this.previousState || index !== this.previousIndex) {
      this.answerMissing = false;
      this.confirmingRetry = false;
    }
  }

  protected override updated(): void {
    // Move focus where the learner's next step is, so screen readers follow the quiz.
    const index = this.context?.index ?? -1;
    if (this.previousState !== undefined && (this.state !== this.previousState || index !== this.previousIndex)) {
      this.focusTarget?.focus();
    }
    this.previousState = this.state;
    this.previousIndex = index;
  }

  override render() {
    const context = this.context;
    if (!context) return nothing;
    if (this.trainer) return html`<h1 tabindex="-1">${this.heading}</h1>${this.answerKey(context)}`;
    return html`<h1 tabindex="-1">${this.heading}</h1>
      ${this.state === 'ready' ? this.intro(context) : nothing}
      ${this.state === 'answering' || this.state === 'feedback' ? this.questionStep(context) : nothing}
      ${this.state === 'review' ? this.review(context) : nothing}`;
  }

  private intro(context: QuizContext) {
    const { quiz } = context;
    const attempts =
      quiz.attempts === 0
        ? this.t(quiz.keep === 'best' ? 'quiz.attemptsUnlimited' : 'quiz.attemptsUnlimitedLast')
        : this.t('quiz.attemptsLimited', { count: quiz.attempts });
    return html`<p>${this.t('quiz.intro', { count: quiz.draw, mastery: formatPercent(this.language, context.masteryScore) })}</p>
      <p>${attempts}</p>
      <div class="actions">
        <button class="primary" type="button" @click=${() => this.send({ type: 'quiz.start', at: Date.now() })}>${this.t('quiz.start')}</button>
      </div>`;
  }

  private orderFor(context: QuizContext, questionId: string): string[] {
    return presentationOrder(questionById(context.quiz, questionId), attemptSeed(context.seed, context.attempt));
  }

  private questionStep(context: QuizContext) {
    const question = currentQuestion(context)!;
    const text = this.texts[question.id];
    const feedback = this.state === 'feedback';
    const result = context.results[question.id];
    const response: Response | undefined = feedback ? result?.response : context.draft;
    const last = context.index >= context.drawn.length - 1;
    const check = () => {
      // An ordering question is answered as shown if the learner accepts the order given.
      if (!context.draft && question.type === 'ordering') {
        this.send({ type: 'answer.change', response: { type: 'ordering', order: this.orderFor(context, question.id) } });
      } else if (!isComplete(question, context.draft)) {
        this.answerMissing = true;
        return;
      }
      this.send({ type: 'answer.check', at: Date.now() });
    };
    return html`<h2 tabindex="-1" ?data-focus-target=${!feedback}>
        ${this.t('quiz.questionOf', { number: context.index + 1, total: context.drawn.length })}
      </h2>
      <micic-question
        .question=${question}
        .text=${text}
        .order=${this.orderFor(context, question.id)}
        .response=${response}
        ?locked=${feedback}
        .language=${this.language}
        @answer-change=${(e: CustomEvent<Response>) => {
          this.answerMissing = false;
          this.send({ type: 'answer.change', response: e.detail });
        }}
      ></micic-question>
      <div role="status" aria-live="polite">
        ${this.answerMissing && !feedback ? html`<p class="missing">${this.t('quiz.answerFirst')}</p>` : nothing}
        ${feedback && result && text
          ? html`<div class="result">
              <strong>${result.score === 1 ? `✓ ${this.t('quiz.correct')}` : result.score > 0 ? `◐ ${this.t('quiz.partly')}` : `✗ ${this.t('quiz.incorrect')}`}</strong>
              <span>${this.t('quiz.why')} ${text.explanation}</span>
            </div>`
          : nothing}
      </div>
      <div class="actions">
        ${feedback
          ? html`<button class="primary" type="button" data-focus-target @click=${() => this.send({ type: 'question.next', at: Date.now() })}>
              ${this.t(last ? 'quiz.finish' : 'quiz.next')}
            </button>`
          : html`<button class="primary" type="button" @click=${check}>${this.t('quiz.check')}</button>`}
      </div>`;
  }

  private answerKey(context: QuizContext) {
    const objectiveText = (id: string) => this.objectives.find((o) => o.id === id)?.text[this.language] ?? id;
    return html`<h2>${this.t('trainer.answerKey')}</h2>
      <ol class="review">
        ${context.quiz.questions.map(
          (question) => html`<li>
            <micic-question
              .question=${question}
              .text=${this.texts[question.id]}
              .order=${presentationOrder(question, 0)}
              .response=${correctResponse(question)}
              locked
              .language=${this.language}
            ></micic-question>
            <p>${this.t('quiz.why')} ${this.texts[question.id]?.explanation ?? ''}</p>
            <p class="objective">${this.t('quiz.objective')} ${objectiveText(question.objective)}</p>
          </li>`,
        )}
      </ol>`;
  }

  private review(context: QuizContext) {
    const passed = (context.countedScore ?? 0) >= context.masteryScore;
    const objectiveText = (id: string) => this.objectives.find((o) => o.id === id)?.text[this.language] ?? id;
    const retry = () => this.send({ type: 'quiz.retry', at: Date.now() });
    return html`<h2 tabindex="-1" data-focus-target>${this.t('quiz.score', { score: formatPercent(this.language, context.lastScore ?? 0) })}</h2>
      <p>${this.t('quiz.counted', { score: formatPercent(this.language, context.countedScore ?? 0) })}</p>
      <p><strong>${passed ? `✓ ${this.t('quiz.passed')}` : this.t('quiz.failed', { mastery: formatPercent(this.language, context.masteryScore) })}</strong></p>
      <div class="actions">
        ${attemptsLeft(context) <= 0
          ? html`<p>${this.t('quiz.noAttemptsLeft')}</p>`
          : this.confirmingRetry
            ? html`<div class="confirm" role="group" aria-labelledby="retry-question">
                <p id="retry-question">${this.t('quiz.retryConfirm', { rule: this.t(context.quiz.keep === 'best' ? 'quiz.retryKeepsBest' : 'quiz.retryKeepsLast') })}</p>
                <button class="primary" type="button" data-confirm @click=${retry}>${this.t('confirm.yes')}</button>
                <button class="secondary" type="button" @click=${() => (this.confirmingRetry = false)}>${this.t('confirm.no')}</button>
              </div>`
            : html`<button class="primary" type="button" @click=${() => (passed ? this.askRetry() : retry())}>${this.t('quiz.retry')}</button>`}
      </div>
      <h2>${this.t('quiz.review')}</h2>
      <ol class="review">
        ${context.drawn.map((id, i) => {
          const question = questionById(context.quiz, id);
          const text = this.texts[id];
          const result = context.results[id];
          const teachingPage = context.quiz.teaching?.[id];
          const pageIndex = teachingPage ? this.pages.findIndex((p) => p.id === teachingPage) : -1;
          const missed = (result?.score ?? 0) < 1;
          return html`<li>
            <h3 class="number">${this.t('quiz.questionNumber', { number: i + 1 })}
              <span class="verdict">${!result ? '' : result.score === 1 ? `✓ ${this.t('quiz.correct')}` : result.score > 0 ? `◐ ${this.t('quiz.partly')}` : `✗ ${this.t('quiz.incorrect')}`}</span></h3>
            <micic-question
              .question=${question}
              .text=${text}
              .order=${this.orderFor(context, id)}
              .response=${result?.response}
              locked
              .language=${this.language}
            ></micic-question>
            <p>${this.t('quiz.why')} ${text?.explanation ?? ''}</p>
            <p class="objective">${this.t('quiz.objective')} ${objectiveText(question.objective)}</p>
            ${missed && pageIndex >= 0
              ? html`<p><a href="#" class="study" @click=${(e: Event) => this.goToPage(e, pageIndex)}>${this.t('quiz.studyAgain', { page: this.pages[pageIndex]!.title[this.language] })}</a></p>`
              : nothing}
          </li>`;
        })}
      </ol>`;
  }

  private askRetry(): void {
    this.confirmingRetry = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-confirm]')?.focus());
  }

  private goToPage(event: Event, page: number): void {
    event.preventDefault();
    const detail: CourseEvent = { type: 'nav.goto', position: { module: this.moduleIndex, page } };
    this.dispatchEvent(new CustomEvent<CourseEvent>('course-event', { detail, bubbles: true, composed: true }));
  }
}
