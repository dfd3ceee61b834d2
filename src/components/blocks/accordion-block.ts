import { html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { BlockElement, blockStyles, moveFocus } from './block-base';

/**
 * Accordion (WAI-ARIA APG "Accordion"): each item's title is a button inside a heading that shows
 * or hides its panel; any number may be open. Arrow keys, Home and End move between the titles.
 * With `reveal`, one click-to-reveal item without a heading (APG "Disclosure").
 *
 * @slot title-N - the title of item N
 * @slot panel-N - the content of item N
 */
@customElement('micic-accordion')
export class AccordionBlock extends BlockElement {
  static override styles = [
    ...blockStyles,
    css`
      .item {
        border-radius: var(--micic-radius);
        margin-bottom: 0.4rem;
      }
      .control[aria-expanded='true'] {
        border-color: var(--micic-accent);
        border-bottom-left-radius: 0;
        border-bottom-right-radius: 0;
      }
      .panel {
        border: 1px solid var(--micic-accent);
        border-top: none;
        border-radius: 0 0 var(--micic-radius) var(--micic-radius);
      }
      .sign {
        flex: none;
        width: 1.2rem;
        text-align: center;
        color: var(--micic-accent);
        font-size: 1.2rem;
        line-height: 1;
      }
      @media print {
        .sign {
          display: none;
        }
        .control {
          border: none;
          padding-inline: 0;
        }
        .panel {
          border: none;
          padding-inline: 0;
        }
      }
    `,
  ];

  /** One click-to-reveal item (the title is its button label), not a list of headed items. */
  @property({ type: Boolean }) reveal = false;
  @state() private open: boolean[] = [];

  override render() {
    // APG: a region per panel helps only while there are few of them.
    const regions = this.count <= 6;
    return this.indexes().map((i) => {
      const expanded = this.open[i] === true;
      const button = html`<button
        class="control"
        id="control-${i}"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls="panel-${i}"
        @click=${() => this.toggle(i)}
        @keydown=${this.reveal ? undefined : this.onKeydown}
      >
        <span class="sign" aria-hidden="true">${expanded ? '−' : '+'}</span><slot name="title-${i}"></slot>
      </button>`;
      return html`<div class="item">
        ${this.reveal ? button : html`<div class="heading" role="heading" aria-level=${this.level}>${button}</div>`}
        <div
          class="panel"
          id="panel-${i}"
          role=${regions && !this.reveal ? 'region' : nothing}
          aria-labelledby=${regions && !this.reveal ? `control-${i}` : nothing}
          ?hidden=${!expanded}
        >
          <slot name="panel-${i}"></slot>
        </div>
      </div>`;
    });
  }

  private toggle(index: number): void {
    const open = [...this.open];
    open[index] = !open[index];
    this.open = open;
  }

  private onKeydown = (event: KeyboardEvent): void => {
    moveFocus(event, [...this.renderRoot.querySelectorAll<HTMLElement>('.control')], 'vertical');
  };
}
