import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Language } from '../content/schema';
import { translate, type UiStringKey } from '../i18n';
import { theme } from './theme';

/**
 * Plain-language notices about saving and the LMS. The container is a polite live region
 * that exists before any notice is added, so screen readers announce new ones.
 * @fires notice-dismiss - detail: the notice key
 */
@customElement('micic-notice-list')
export class NoticeList extends LitElement {
  static override styles = [
    theme,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: flex;
        gap: var(--micic-space-4);
        align-items: center;
        justify-content: space-between;
        background: var(--micic-warning-bg);
        border: 1px solid var(--micic-warning-border);
        border-radius: var(--micic-radius);
        padding: var(--micic-space-2) var(--micic-space-3);
        margin-bottom: var(--micic-space-2);
      }
      button {
        /* The notice's text wraps, never the button: squeezed, its label ran out of its border on phones. */
        flex: none;
        border: 1px solid var(--micic-ink);
        background: var(--micic-surface);
        color: var(--micic-ink);
      }
    `,
  ];

  @property() language: Language = 'en';
  @property({ attribute: false }) notices: readonly UiStringKey[] = [];
  @property({ attribute: false }) values: Record<string, string | number> = {};

  override render() {
    return html`<div role="status" aria-live="polite">
      <ul>
        ${this.notices.map(
          (key) => html`<li>
            <span>${translate(this.language, key, this.values)}</span>
            <button type="button" @click=${() => this.dismiss(key)}>${translate(this.language, 'notice.dismiss')}</button>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private dismiss(key: UiStringKey): void {
    this.dispatchEvent(new CustomEvent<UiStringKey>('notice-dismiss', { detail: key, bubbles: true, composed: true }));
  }
}
