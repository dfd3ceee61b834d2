import { LitElement, css } from 'lit';
import { property } from 'lit/decorators.js';
import type { Language } from '../../content/schema';
import { translate, type UiStringKey } from '../../i18n';
import { theme } from '../theme';
import { BLOCK_CHANGE_EVENT, BLOCK_RESTORE_EVENT, type BlockStateChange, type BlockStateRequest } from './block-events';

/**
 * Base of the interactive content blocks. The build puts each block's content in light DOM as
 * named slots ("title-0", "panel-0", …), so it is styled by the page, readable before the code
 * loads and complete in print; the element adds the controls. A block with state worth keeping
 * (flashcards turned, the step reached) stores it as one small number through BLOCK_*_EVENT.
 *
 * @attr block-id - the block's id, the same in both languages
 * @attr lang - the language of the block's own labels
 * @attr level - the level of the item headings in the authored Markdown
 */
export abstract class BlockElement extends LitElement {
  @property({ attribute: 'block-id' }) blockId = '';
  @property({ type: Number }) level = 3;
  /** How many items the block holds (from its slotted titles). */
  protected count = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.count = this.titles().length;
    const saved = this.requestState();
    if (saved !== undefined) this.restore(saved);
  }

  /** Applies a saved state; blocks without state ignore it. */
  protected restore(_state: number): void {}

  protected get language(): Language {
    return this.lang === 'es' ? 'es' : 'en';
  }

  protected t(key: UiStringKey, values: Record<string, string | number> = {}): string {
    return translate(this.language, key, values);
  }

  /** The slotted item titles, in order. */
  protected titles(): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>(':scope > [slot^="title-"]')];
  }

  protected titleText(index: number): string {
    return this.titles()[index]?.textContent?.trim() ?? '';
  }

  protected indexes(): number[] {
    return Array.from({ length: this.count }, (_, i) => i);
  }

  protected saveState(state: number): void {
    if (!this.blockId) return;
    const detail: BlockStateChange = { id: this.blockId, state };
    this.dispatchEvent(new CustomEvent(BLOCK_CHANGE_EVENT, { detail, bubbles: true, composed: true }));
  }

  private requestState(): number | undefined {
    if (!this.blockId) return undefined;
    const detail: BlockStateRequest = { id: this.blockId };
    this.dispatchEvent(new CustomEvent(BLOCK_RESTORE_EVENT, { detail, bubbles: true, composed: true }));
    return typeof detail.state === 'number' && Number.isSafeInteger(detail.state) && detail.state >= 0 ? detail.state : undefined;
  }

}

/** Moves focus among a block's sibling controls with the arrow keys, Home and End; returns the control focused. */
export function moveFocus(event: KeyboardEvent, controls: HTMLElement[], keys: 'horizontal' | 'vertical'): HTMLElement | undefined {
  const index = controls.indexOf(event.target as HTMLElement);
  if (index < 0) return undefined;
  const [back, forward] = keys === 'horizontal' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
  const last = controls.length - 1;
  const next =
    event.key === forward ? (index + 1) % controls.length
      : event.key === back ? (index + last) % controls.length
        : event.key === 'Home' ? 0
          : event.key === 'End' ? last
            : -1;
  if (next < 0) return undefined;
  event.preventDefault();
  controls[next]!.focus();
  return controls[next];
}

/** Shared look of the interactive blocks, from the theme's tokens. */
export const blockStyles = [
  theme,
  css`
    :host {
      display: block;
      margin: 1.5rem 0;
    }
    .heading {
      margin: 0;
      font-size: 1rem;
    }
    .control {
      display: flex;
      align-items: center;
      gap: 0.6rem;
      width: 100%;
      text-align: start;
      padding: 0.6rem 0.9rem;
      border: 1px solid var(--micic-border);
      background: var(--micic-surface);
      color: var(--micic-ink);
      font-weight: 600;
    }
    .control:hover {
      background: var(--micic-panel);
    }
    .action {
      border: 2px solid var(--micic-accent);
      background: var(--micic-surface);
      color: var(--micic-accent);
      padding: 0.3rem 1rem;
      font-weight: 600;
    }
    .action[aria-disabled='true'] {
      border-color: var(--micic-border);
      color: var(--micic-muted);
      cursor: default;
    }
    .number {
      display: inline-grid;
      place-items: center;
      flex: none;
      min-width: 1.8rem;
      height: 1.8rem;
      border-radius: 50%;
      background: var(--micic-accent);
      color: var(--micic-accent-ink);
      font-weight: 700;
      font-size: 0.95rem;
    }
    .panel {
      padding: 0.25rem 1rem 0.5rem;
      overflow-wrap: anywhere;
    }
    @media print {
      :host {
        break-inside: auto;
      }
      .panel[hidden],
      [hidden].print-shown {
        display: block !important;
      }
      .screen-only {
        display: none !important;
      }
    }
  `,
];
