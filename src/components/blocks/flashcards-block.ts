import { html, css } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { BlockElement, blockStyles } from './block-base';

/**
 * Flashcards: each card shows its front (a term, a question) until the learner turns it over to
 * its back; the turn button is a toggle (aria-pressed) and the face that appears is announced.
 * Which cards are turned is kept across visits, as a bitmask. In print both faces show.
 *
 * @slot title-N - the front of card N
 * @slot back-N - the back of card N
 */
@customElement('micic-flashcards')
export class FlashcardsBlock extends BlockElement {
  static override styles = [
    ...blockStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
        gap: 0.75rem;
      }
      li {
        display: flex;
        flex-direction: column;
        justify-content: space-between;
        gap: 0.5rem;
        min-height: 9rem;
        padding: 0.75rem;
        border: 1px solid var(--micic-border);
        border-top: 4px solid var(--micic-accent);
        border-radius: var(--micic-radius);
        background: var(--micic-surface);
        overflow-wrap: anywhere;
      }
      li.turned {
        background: var(--micic-panel);
      }
      .side {
        display: block;
        font-size: 0.8rem;
        text-transform: uppercase;
        letter-spacing: 0.05em;
        color: var(--micic-muted);
      }
      .front {
        font-weight: 700;
        font-size: 1.05rem;
      }
      .summary {
        margin: 0 0 0.5rem;
        color: var(--micic-muted);
        font-size: 0.95rem;
      }
      button {
        align-self: flex-start;
      }
      @media print {
        .face[hidden] {
          display: block !important;
        }
        li {
          break-inside: avoid;
          min-height: 0;
        }
      }
    `,
  ];

  /** Bit N set: card N shows its back. */
  @state() private turned = 0;

  protected override restore(state: number): void {
    this.turned = state & ((1 << this.count) - 1);
  }

  override render() {
    const turnedCount = this.indexes().filter((i) => this.isTurned(i)).length;
    return html`<p class="summary screen-only">${this.t('block.cards', { turned: turnedCount, total: this.count })}</p>
      <ul>
        ${this.indexes().map((i) => {
          const turned = this.isTurned(i);
          return html`<li class=${turned ? 'turned' : ''}>
            <div aria-live="polite">
              <div class="face front" ?hidden=${turned}><span class="side">${this.t('block.cardFront')}</span><slot name="title-${i}"></slot></div>
              <div class="face back" ?hidden=${!turned}><span class="side">${this.t('block.cardBack')}</span><slot name="back-${i}"></slot></div>
            </div>
            <button class="action screen-only" aria-pressed=${turned ? 'true' : 'false'} @click=${() => this.turn(i)}>
              ${this.t('block.turnOver')}<span class="visually-hidden">, ${this.t('block.cardOf', { number: i + 1, total: this.count })}</span>
            </button>
          </li>`;
        })}
      </ul>`;
  }

  private isTurned(index: number): boolean {
    return (this.turned & (1 << index)) !== 0;
  }

  private turn(index: number): void {
    this.turned ^= 1 << index;
    this.saveState(this.turned);
  }
}
