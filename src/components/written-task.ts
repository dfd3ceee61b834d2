import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Language, QuestionText, TaskKey } from '../content/schema';
import type { TaskAnswer } from '../progress/task-codec';
import { translate, type UiStringKey } from '../i18n';
import { theme } from './theme';
import { practiceFrame } from './practice-styles';

/**
 * A written task inside a page: the learner writes a short answer, compares it with a model
 * answer, ticks the key points it covers and saves it to the workshop card. Self-assessed; the
 * controller reports it to the LMS as a fill-in (SCORM 1.2) or long-fill-in (2004) interaction.
 *
 * @fires task-saved - { task, text, covered } when the learner saves
 */
@customElement('micic-written-task')
export class WrittenTask extends LitElement {
  static override styles = [
    theme,
    practiceFrame,
    css`
      textarea {
        box-sizing: border-box;
        width: 100%;
        min-height: 8rem;
        font: inherit;
        padding: 0.5rem;
      }
      .model {
        background: var(--micic-panel);
        padding: 0.5rem 0.75rem;
        white-space: pre-line;
      }
      .point {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
        margin: 0.25rem 0;
      }
      button {
        margin-top: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) task?: TaskKey;
  @property({ attribute: false }) text?: QuestionText;
  @property() language: Language = 'en';
  /** The answer saved in progress, if any: the task opens showing it. */
  @property({ attribute: false }) saved?: TaskAnswer;
  @state() private draft?: string;
  @state() private covered?: boolean[];
  @state() private comparing = false;
  @state() private editing = false;
  @state() private missing = false;

  private t(key: UiStringKey, values?: Record<string, string | number>) {
    return translate(this.language, key, values);
  }

  override render() {
    const { task, text } = this;
    if (!task || !text) return nothing;
    const saved = this.saved && !this.editing ? this.saved : undefined;
    const draft = this.draft ?? this.saved?.text ?? '';
    const covered = this.covered ?? this.saved?.covered ?? Array.from({ length: task.points }, () => false);
    const id = `task-${task.id}`;
    const showModel = this.comparing || !!saved;
    return html`<section aria-labelledby="${id}-title">
      <h2 id="${id}-title">${this.t('task.title')}</h2>
      <p id="${id}-prompt">${text.prompt}</p>
      <label for="${id}-answer">${this.t('task.yourAnswer')}</label>
      <textarea
        id="${id}-answer"
        aria-describedby="${id}-prompt ${id}-left"
        maxlength=${task.maxLength}
        .value=${draft}
        ?readonly=${!!saved}
        @input=${(e: Event) => {
          // The buttons read the latest draft from state, never from an earlier render.
          this.draft = (e.target as HTMLTextAreaElement).value;
          this.missing = false;
        }}
      ></textarea>
      <p id="${id}-left"><small>${this.t('task.left', { count: task.maxLength - draft.length })}</small></p>
      <div role="status" aria-live="polite">
        ${this.missing ? html`<p class="missing">${this.t('task.writeFirst')}</p>` : nothing}
        ${saved ? html`<p>${this.t('task.saved', { covered: saved.covered.filter(Boolean).length, total: task.points })}</p>` : nothing}
      </div>
      ${showModel
        ? html`<h3>${this.t('task.model')}</h3>
            <p class="model">${text.explanation}</p>
            <fieldset>
              <legend>${this.t('task.points')}</legend>
              ${Array.from({ length: task.points }, (_, i) => html`<div class="point">
                <input
                  type="checkbox"
                  id="${id}-point-${i + 1}"
                  .checked=${covered[i] ?? false}
                  ?disabled=${!!saved}
                  @change=${(e: Event) => {
                    // From the current state, not this render's: two ticks may come before the next render.
                    const next = [...(this.covered ?? covered)];
                    next[i] = (e.target as HTMLInputElement).checked;
                    this.covered = next;
                  }}
                />
                <label for="${id}-point-${i + 1}">${text.labels[String(i + 1)]}</label>
              </div>`)}
            </fieldset>`
        : nothing}
      ${saved
        ? html`<button type="button" @click=${() => this.revise()}>${this.t('task.edit')}</button>`
        : showModel
          ? html`<button type="button" @click=${() => this.save(this.draft ?? draft, this.covered ?? covered)}>${this.t('task.save')}</button>`
          : html`<button type="button" @click=${() => this.compare(this.draft ?? draft)}>${this.t('task.compare')}</button>`}
    </section>`;
  }

  private compare(draft: string): void {
    if (!draft.trim()) {
      this.missing = true;
      return;
    }
    this.comparing = true;
  }

  private save(draft: string, covered: boolean[]): void {
    if (!draft.trim()) {
      this.missing = true;
      return;
    }
    this.editing = false;
    this.comparing = false;
    this.dispatchEvent(new CustomEvent('task-saved', { detail: { task: this.task!.id, text: draft.trim(), covered }, bubbles: true, composed: true }));
  }

  private revise(): void {
    this.editing = true;
    this.draft = this.saved?.text;
    this.covered = this.saved?.covered;
  }
}
