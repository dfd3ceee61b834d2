import { html, css } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { BlockElement, blockStyles } from './block-base';

/**
 * A process shown one numbered step at a time, with Previous and Next step buttons; the step
 * reached is announced politely and kept across visits. In print every step shows.
 *
 * @slot title-N - the title of step N
 * @slot panel-N - the content of step N
 */
@customElement('micic-process')
export class ProcessBlock extends BlockElement {
  static override styles = [
    ...blockStyles,
    css`
      .process {
        border: 1px solid var(--micic-border);
        border-radius: var(--micic-radius);
        padding: 0.75rem 1rem;
      }
      .counter {
        margin: 0 0 0.5rem;
        color: var(--micic-muted);
        font-size: 0.95rem;
      }
      .heading {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        font-size: 1.05rem;
        font-weight: 700;
      }
      .step .panel {
        padding-inline: 0;
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0.5rem;
      }
      .dots {
        display: flex;
        gap: 0.35rem;
        justify-content: center;
        margin: 0.5rem 0;
      }
      .dots span {
        width: 0.6rem;
        height: 0.6rem;
        border-radius: 50%;
        border: 1px solid var(--micic-accent);
      }
      .dots .done {
        background: var(--micic-accent);
      }
      @media print {
        .step[hidden] {
          display: block !important;
        }
        .process {
          border: none;
          padding: 0;
        }
      }
    `,
  ];

  @state() private current = 0;

  protected override restore(state: number): void {
    if (state < this.count) this.current = state;
  }

  override render() {
    const last = this.count - 1;
    return html`<div class="process">
      <p class="counter screen-only" aria-live="polite">
        ${this.t('block.stepOf', { number: this.current + 1, total: this.count })}<span class="visually-hidden">: ${this.titleText(this.current)}</span>
      </p>
      ${this.indexes().map(
        (i) => html`<div class="step" role="group" aria-labelledby="step-${i}" ?hidden=${i !== this.current}>
          <div class="heading" role="heading" aria-level=${this.level} id="step-${i}">
            <span class="number" aria-hidden="true">${i + 1}</span><slot name="title-${i}"></slot>
          </div>
          <div class="panel"><slot name="panel-${i}"></slot></div>
        </div>`,
      )}
      <div class="dots screen-only" aria-hidden="true">${this.indexes().map((i) => html`<span class=${i <= this.current ? 'done' : ''}></span>`)}</div>
      <div class="controls screen-only">
        <button class="action" aria-disabled=${this.current === 0 ? 'true' : 'false'} @click=${() => this.go(this.current - 1)}>
          ${this.t('block.previousStep')}
        </button>
        <button class="action" aria-disabled=${this.current === last ? 'true' : 'false'} @click=${() => this.go(this.current + 1)}>
          ${this.t('block.nextStep')}
        </button>
      </div>
    </div>`;
  }

  private go(step: number): void {
    if (step < 0 || step >= this.count || step === this.current) return;
    this.current = step;
    this.saveState(step);
  }
}
