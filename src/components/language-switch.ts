import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Language } from '../content/schema';
import { translate } from '../i18n';
import { theme } from './theme';

/**
 * Two toggle buttons, one per shipped language, each labelled in its own language.
 * @fires language-change - detail: the chosen Language
 */
@customElement('micic-language-switch')
export class LanguageSwitch extends LitElement {
  static override styles = [
    theme,
    css`
      [role='group'] {
        display: flex;
        gap: var(--micic-space-1);
        align-items: center;
      }
      button {
        border: 1px solid var(--micic-accent-ink);
        background: transparent;
        color: var(--micic-accent-ink);
        padding: var(--micic-space-1) var(--micic-space-3);
      }
      button[aria-pressed='true'] {
        background: var(--micic-accent-ink);
        color: var(--micic-accent);
        font-weight: 700;
      }
    `,
  ];

  @property() language: Language = 'en';
  @property({ attribute: false }) languages: readonly Language[] = ['en', 'es'];

  override render() {
    return html`<div role="group" aria-label=${translate(this.language, 'language.label')}>
      ${this.languages.map(
        (language) => html`<button
          type="button"
          lang=${language}
          aria-pressed=${language === this.language ? 'true' : 'false'}
          @click=${() => this.choose(language)}
        >
          ${translate(language, `language.${language}`)}
        </button>`,
      )}
    </div>`;
  }

  private choose(language: Language): void {
    if (language === this.language) return;
    this.dispatchEvent(new CustomEvent<Language>('language-change', { detail: language, bubbles: true, composed: true }));
  }
}
