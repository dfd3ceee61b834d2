import { html, css } from 'lit';
import { styleProps } from '../style-props';
import { customElement, state } from 'lit/decorators.js';
import { BlockElement, blockStyles, moveFocus } from './block-base';

/**
 * Tabs (WAI-ARIA APG "Tabs", automatic activation): arrow keys, Home and End move between the tabs
 * and show the tab reached; Tab moves into the panel. In print every panel follows its tab's title.
 *
 * @slot title-N - the label of tab N
 * @slot panel-N - the content of tab N
 */
@customElement('micic-tabs')
export class TabsBlock extends BlockElement {
  static override styles = [
    ...blockStyles,
    css`
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        border-bottom: 2px solid var(--micic-accent);
      }
      [role='tab'] {
        width: auto;
        border-bottom: none;
        border-radius: var(--micic-radius) var(--micic-radius) 0 0;
        background: var(--micic-panel);
        font-weight: 600;
      }
      [role='tab'][aria-selected='true'] {
        background: var(--micic-accent);
        border-color: var(--micic-accent);
        color: var(--micic-accent-ink);
      }
      [role='tabpanel'] {
        padding: 0.5rem 0.25rem;
      }
      @media print {
        .tabs {
          display: grid;
        }
        [role='tablist'] {
          display: contents;
        }
        [role='tab'],
        [role='tab'][aria-selected='true'] {
          background: none;
          color: var(--micic-ink);
          border: none;
          padding-inline: 0;
          min-height: 0;
        }
        [role='tabpanel'][hidden] {
          display: block !important;
        }
      }
    `,
  ];

  @state() private selected = 0;

  override render() {
    // The grid order interleaves each tab with its panel when printed. styleProps sets it through
    // CSSOM, which a strict CSP allows; a style attribute would be refused.
    return html`<div class="tabs">
      <div role="tablist" @keydown=${this.onKeydown}>
        ${this.indexes().map(
          (i) => html`<button
            class="control"
            role="tab"
            id="tab-${i}"
            ${styleProps({ order: `${2 * i}` })}
            aria-selected=${i === this.selected ? 'true' : 'false'}
            aria-controls="panel-${i}"
            tabindex=${i === this.selected ? 0 : -1}
            @click=${() => (this.selected = i)}
          >
            <slot name="title-${i}"></slot>
          </button>`,
        )}
      </div>
      ${this.indexes().map(
        (i) => html`<div role="tabpanel" id="panel-${i}" aria-labelledby="tab-${i}" tabindex="0" ${styleProps({ order: `${2 * i + 1}` })} ?hidden=${i !== this.selected}>
          <slot name="panel-${i}"></slot>
        </div>`,
      )}
    </div>`;
  }

  private onKeydown = (event: KeyboardEvent): void => {
    const tabs = [...this.renderRoot.querySelectorAll<HTMLElement>('[role="tab"]')];
    const reached = moveFocus(event, tabs, 'horizontal');
    if (reached) this.selected = tabs.indexOf(reached);
  };
}
