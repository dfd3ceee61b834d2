import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Language } from '../content/schema';
import { translate } from '../i18n';
import { theme } from './theme';

/**
 * The question asked before the course opens when this computer holds work that no signed-in
 * learner saved: is it yours? Shown in place of the course, with two plain answers.
 * @fires claim-answer - detail: true when the learner says the work is theirs
 */
@customElement('micic-copy-claim')
export class CopyClaim extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
        max-width: 40rem;
        margin: 2rem auto;
        padding: 0 1rem;
      }
      h1 {
        font-size: 1.5rem;
        line-height: 1.25;
      }
      h1:focus {
        outline: none;
      }
      .answers {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
      button {
        min-height: 44px;
        padding: 0.5rem 1rem;
        border-radius: var(--micic-radius);
        border: 1px solid var(--micic-accent);
        background: var(--micic-surface);
        color: var(--micic-accent);
        cursor: pointer;
      }
      button.yes {
        background: var(--micic-accent);
        color: var(--micic-accent-ink);
      }
    `,
  ];

  @property() language: Language = 'en';
  /** When the work was last saved, already formatted ('' when unknown). */
  @property() when = '';

  override render() {
    const text = this.when ? translate(this.language, 'claim.text', { when: this.when }) : translate(this.language, 'claim.textUndated');
    return html`<main lang=${this.language}>
      <h1 tabindex="-1">${translate(this.language, 'claim.title')}</h1>
      <p>${text}</p>
      <div class="answers">
        <button type="button" class="yes" @click=${() => this.answer(true)}>${translate(this.language, 'claim.yes')}</button>
        <button type="button" class="no" @click=${() => this.answer(false)}>${translate(this.language, 'claim.no')}</button>
      </div>
    </main>`;
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private answer(mine: boolean): void {
    this.dispatchEvent(new CustomEvent<boolean>('claim-answer', { detail: mine, bubbles: true, composed: true }));
  }
}
