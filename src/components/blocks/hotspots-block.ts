import { html, css } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { styleProps } from '../style-props';
import { BlockElement, blockStyles } from './block-base';

/**
 * A labelled graphic: numbered markers over an image or diagram, each a disclosure button
 * (WAI-ARIA APG "Disclosure") that shows what that part means below the graphic. Markers are in
 * reading order for Tab; Escape closes the open one. In print every label shows under the graphic.
 *
 * @slot graphic - the image or diagram
 * @slot caption - the image's caption, under it (the markers stand over the image alone)
 * @slot title-N - the label of marker N (its place: data-x and data-y, percent of the graphic)
 * @slot panel-N - what marker N explains
 */
@customElement('micic-hotspots')
export class HotspotsBlock extends BlockElement {
  static override styles = [
    ...blockStyles,
    css`
      .hint {
        margin: 0 0 0.5rem;
        color: var(--micic-muted);
        font-size: 0.95rem;
      }
      /* The graphic and its markers never shrink under 30rem (legible figure text, see page-view's
         .figure-frame); in a narrower column they scroll sideways together. */
      .scroller {
        overflow-x: auto;
      }
      .stage {
        position: relative;
        width: max-content;
        max-width: 100%;
        min-width: 30rem;
      }
      .caption {
        margin-top: var(--micic-space-2);
        color: var(--micic-muted);
        font-size: var(--micic-text-sm);
      }
      .marker {
        position: absolute;
        transform: translate(-50%, -50%);
        min-width: 2rem;
        min-height: 2rem;
        padding: 0;
        border-radius: 50%;
        border: 2px solid var(--micic-accent-ink);
        background: var(--micic-accent);
        color: var(--micic-accent-ink);
        font-weight: 700;
        box-shadow: 0 1px 4px rgb(0 0 0 / 0.35);
      }
      .marker[aria-expanded='true'] {
        background: var(--micic-ink);
      }
      .spot {
        margin-top: 0.75rem;
        border-inline-start: 4px solid var(--micic-accent);
        background: var(--micic-panel);
        border-radius: var(--micic-radius);
        padding: 0.5rem 1rem;
      }
      .heading {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        font-weight: 700;
      }
      .spot .panel {
        padding-inline: 0;
      }
      @media print {
        .spot[hidden] {
          display: block !important;
        }
        .marker {
          box-shadow: none;
        }
        .stage {
          min-width: 0;
        }
      }
    `,
  ];

  @state() private open = -1;
  private places: Array<{ x: number; y: number }> = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.places = this.titles().map((title) => ({ x: Number(title.dataset['x']) || 0, y: Number(title.dataset['y']) || 0 }));
  }

  override render() {
    return html`<p class="hint screen-only">${this.t('block.hotspotsHint')}</p>
      <div class="scroller"><div class="stage" @keydown=${this.onKeydown}>
        <slot name="graphic"></slot>
        ${this.indexes().map(
          (i) => html`<button
            class="marker"
            ${styleProps({ left: `${this.places[i]?.x ?? 0}%`, top: `${this.places[i]?.y ?? 0}%` })}
            aria-expanded=${this.open === i ? 'true' : 'false'}
            aria-controls="spot-${i}"
            @click=${() => (this.open = this.open === i ? -1 : i)}
          >
            ${i + 1}<span class="visually-hidden">. ${this.titleText(i)}</span>
          </button>`,
        )}
      </div></div>
      <div class="caption"><slot name="caption"></slot></div>
      ${this.indexes().map(
        (i) => html`<div class="spot" id="spot-${i}" ?hidden=${this.open !== i}>
          <div class="heading" role="heading" aria-level=${this.level}>
            <span class="number" aria-hidden="true">${i + 1}</span><slot name="title-${i}"></slot>
          </div>
          <div class="panel"><slot name="panel-${i}"></slot></div>
        </div>`,
      )}`;
  }

  private onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || this.open < 0) return;
    const marker = this.renderRoot.querySelectorAll<HTMLElement>('.marker')[this.open];
    this.open = -1;
    marker?.focus();
  };
}
