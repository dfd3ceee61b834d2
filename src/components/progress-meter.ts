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
      .bar {
        height: 0.5rem;
        border: 1px solid var(--micic-muted);
        border-radius: 999px;
        overflow: hidden;
        margin-top: var(--micic-space-1);
      }
      .fill {
        height: 100%;
        background: var(--micic-accent);
      }
    `,
  ];

  @property() language: Language = 'en';
  @property({ type: Number }) seen = 0;
  @property({ type: Number }) total = 0;

  override render() {
    const label = translate(this.language, 'progress.seen', { seen: this.seen, total: this.total });
    const percent = this.total ? Math.round((this.seen / this.total) * 100) : 0;
    return html`<div>${label}</div>
      <div
        class="bar"
        role="progressbar"
        aria-label=${translate(this.language, 'progress.label')}
        aria-valuemin="0"
        aria-valuemax=${this.total}
        aria-valuenow=${this.seen}
        aria-valuetext=${label}
      >
        <div class="fill" style="width: ${percent}%"></div>
      </div>`;
  }
}
