import { LitElement, html, css, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Language } from '../content/schema';
import { formatPercent, guidelineList, translate, type UiStringKey } from '../i18n';
import { pageFrame, theme } from './theme';
import { dataStyles } from './data-styles';

export interface WorkshopCardData {
  moduleTitle: string;
  objectives: Array<{ id: string; text: string; success: 'passed' | 'failed' | 'unknown'; percent?: number; pretestPercent?: number }>;
  scenarios: Array<{
    title: string;
    played: boolean;
    steps: Array<{ situation: string; choice: string; guidelines: number[] }>;
    ending?: { kind: 'good' | 'mixed' | 'poor'; title: string };
    /** True when these are the last finished play's decisions while a newer play is under way. */
    earlierPlay?: boolean;
  }>;
  /** The learner's saved written tasks (self-assessed against a model answer). */
  tasks?: Array<{ prompt: string; answer: string; covered: number; total: number }>;
  prompts: string[];
  /** The trainee's answers to the prompts, in their order ('' = none yet). */
  answers: string[];
}

/**
 * The trainee's one-page card for the in-person session: objectives with the pre-test beside the
 * quiz, the decisions they took in each scenario and where those led, and the module's workshop
 * prompts with their answers. Printable; built from the learner's own progress in the browser.
 * @fires card-answer - detail: { index, text } when the trainee edits an answer
 * @fires card-download - the trainee asks for their card file
 */
@customElement('micic-workshop-card')
export class WorkshopCard extends LitElement {
  static override styles = [
    theme,
    pageFrame,
    dataStyles,
    css`
      h3 {
        font-size: var(--micic-text-base);
        margin: var(--micic-space-3) 0 var(--micic-space-1);
      }
      .answer {
        white-space: pre-line;
        border-inline-start: 4px solid var(--micic-accent);
        padding-inline-start: 0.5rem;
      }
      ul,
      ol {
        margin: 0;
        padding-inline-start: 1.25rem;
      }
      .status {
        font-weight: 700;
        white-space: nowrap;
      }
      .print {
        border: 2px solid var(--micic-accent);
        background: var(--micic-accent);
        color: var(--micic-accent-ink);
        padding: 0.4rem 1rem;
      }
      .download {
        margin-top: 0.5rem;
      }
      td.result,
      th.result {
        width: 22%;
      }
      .prompts li {
        margin-bottom: 0.75rem;
      }
      .prompts label {
        display: block;
        font-weight: 600;
        margin-top: 0.25rem;
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
        min-height: 4rem;
        font: inherit;
      }
      .printed {
        display: none;
      }
      @media print {
        :host {
          max-width: none;
          font-size: 10.5pt;
        }
        .print,
        .intro,
        .download,
        .download-hint,
        textarea {
          display: none;
        }
        .printed {
          display: block;
          white-space: pre-wrap;
          border-bottom: 1px solid #777;
          min-height: 1.2em;
        }
        h1 {
          font-size: 15pt;
        }
        h2 {
          font-size: 12pt;
          margin-top: 8pt;
        }
        li {
          break-inside: avoid;
        }
      }
    `,
  ];

  @property() language: Language = 'en';
  @property({ attribute: false }) data?: WorkshopCardData;

  private t(key: UiStringKey, values?: Record<string, string | number>): string {
    return translate(this.language, key, values);
  }

  private emit<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
  }

  override render() {
    const data = this.data;
    if (!data) return nothing;
    return html`<h1 tabindex="-1">${this.t('card.title')}</h1>
      <p>${data.moduleTitle}</p>
      <p class="intro">${this.t('card.intro')}</p>
      <button class="print" type="button" @click=${() => window.print()}>${this.t('card.print')}</button>
      <h2>${this.t('card.objectives')}</h2>
      <table class="objectives">
        <thead>
          <tr>
            <th scope="col">${this.t('card.objective')}</th>
            <th scope="col" class="result">${this.t('card.pretest')}</th>
            <th scope="col" class="result">${this.t('card.quiz')}</th>
          </tr>
        </thead>
        <tbody>
          ${data.objectives.map(
            (o) => html`<tr>
              <td>${o.text}</td>
              <td class="result pretest">${o.pretestPercent !== undefined ? formatPercent(this.language, o.pretestPercent) : this.t('card.notTaken')}</td>
              <td class="result quiz status">${o.success === 'passed'
                ? this.t('card.mastered', { percent: formatPercent(this.language, o.percent ?? 0) })
                : o.success === 'failed'
                  ? this.t('card.notYet', { percent: formatPercent(this.language, o.percent ?? 0) })
                  : this.t('card.notAssessed')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <h2>${this.t('card.decisions')}</h2>
      ${data.scenarios.map(
        (s) => html`<h3>${s.title}</h3>
          ${!s.played
            ? html`<p>${this.t('card.notPlayed')}</p>`
            : html`${s.earlierPlay ? html`<p>${this.t('card.lastFinished')}</p>` : nothing}<ol class="decisions">
                  ${s.steps.map((step) => html`<li><span class="choice">${step.choice}</span> <small>(${guidelineList(this.language, step.guidelines)})</small></li>`)}
                </ol>
                <p>
                  <strong>${this.t('card.ledTo')}</strong>
                  ${s.ending ? `${this.t(`scenario.ending.${s.ending.kind}`)}: ${s.ending.title}` : this.t('card.inProgress')}
                </p>`}`,
      )}
      ${data.tasks?.length
        ? html`<h2>${this.t('card.tasks')}</h2>
            ${data.tasks.map(
              (task) => html`<h3>${task.prompt}</h3>
                <p class="answer">${task.answer}</p>
                <p><small>${this.t('card.covered', { covered: task.covered, total: task.total })}</small></p>`,
            )}`
        : nothing}
      <h2>${this.t('card.prompts')}</h2>
      <p class="intro">${this.t('card.answersKept')}</p>
      <ol class="prompts">
        ${data.prompts.map(
          (p, i) => html`<li>
            <span id="prompt-${i}">${p}</span>
            <label for="answer-${i}">${this.t('card.answerHere')}</label>
            <textarea
              id="answer-${i}"
              aria-describedby="prompt-${i}"
              .value=${data.answers[i] ?? ''}
              @input=${(e: Event) => this.emit('card-answer', { index: i, text: (e.target as HTMLTextAreaElement).value })}
            ></textarea>
            <p class="printed">${data.answers[i] ?? ''}</p>
          </li>`,
        )}
      </ol>
      <button class="outline download" type="button" @click=${() => this.emit('card-download', undefined)}>${this.t('card.download')}</button>
      <p class="download-hint">${this.t('card.downloadHint')}</p>`;
  }
}
