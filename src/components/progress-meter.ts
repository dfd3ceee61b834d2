import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Language } from '../content/schema';
import { translate } from '../i18n';
import { theme } from './theme';

/** Pages seen in the current module, as text and as a bar (never colour alone). */
@customElement('micic-progress-meter')
export class ProgressMeter extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
        font-size: var(--micic-text-sm);
        color: var(--micic-muted);
      }
      /* A native <progress>: no inline style, so it draws right under a strict CSP. */
      progress {
        display: block;
        appearance: none;
        box-sizing: border-box;
        width: 100%;
        height: 0.5rem;
        border: 1px solid var(--micic-muted);
        border-radius: 999px;
        overflow: hidden;
        margin-top: var(--micic-space-1);
        background: transparent;
        color: var(--micic-accent);
      }
      progress::-webkit-progress-bar {
        background: transparent;
      }
      progress::-webkit-progress-value {
        background: var(--micic-accent);
      }
      progress::-moz-progress-bar {
        background: var(--micic-accent);
      }
    `,
  ];

  @property() language: Language = 'en';
  @property({ type: Number }) seen = 0;
  @property({ type: Number }) total = 0;

  override render() {
    const label = translate(this.language, 'progress.seen', { seen: this.seen, total: this.total });
    return html`<div>${label}</div>
      <progress
        aria-label=${translate(this.language, 'progress.label')}
        max=${Math.max(1, this.total)}
        .value=${this.total ? this.seen : 0}
        aria-valuetext=${label}
      ></progress>`;
  }
}
