import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Language, ReferenceContent } from '../content/schema';
import { translate } from '../i18n';
import { theme } from './theme';

export type ReferenceKind = 'glossary' | 'references' | 'guidelines';

/**
 * The glossary, the references or the table of the 15 Guidelines, in a modal dialog reachable from every page. The native
 * <dialog> keeps focus inside while open, closes with Escape and returns focus on close.
 * @fires reference-close
 */
@customElement('micic-reference-dialog')
export class ReferenceDialog extends LitElement {
  static override styles = [
    theme,
    css`
      dialog {
        max-width: min(46rem, 92vw);
        max-height: 85vh;
        border: 1px solid var(--micic-border);
        border-radius: var(--micic-radius);
        padding: 1rem 1.25rem;
      }
      dialog::backdrop {
        background: var(--micic-backdrop);
      }
      .top {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: var(--micic-space-4);
      }
      h2 {
        margin: 0;
        font-size: var(--micic-text-lg);
      }
      button {
        border: 1px solid var(--micic-ink);
        background: var(--micic-surface);
        color: var(--micic-ink);
        padding: var(--micic-space-1) var(--micic-space-3);
      }
      dt {
        font-weight: 700;
        margin-top: var(--micic-space-3);
      }
      dd {
        margin: 0.1rem 0 0;
      }
      a {
        color: var(--micic-accent);
      }
      li {
        margin-bottom: var(--micic-space-2);
      }
      table {
        border-collapse: collapse;
        width: 100%;
        margin: var(--micic-space-2) 0 var(--micic-space-4);
      }
      caption {
        text-align: start;
        font-weight: 700;
        padding: var(--micic-space-2) 0 var(--micic-space-1);
      }
      th,
      td {
        border-block-end: 1px solid var(--micic-border);
        padding: 0.35rem 0.5rem 0.35rem 0;
        text-align: start;
        vertical-align: top;
      }
      h3 {
        font-size: var(--micic-text-md);
        margin: var(--micic-space-5) 0 var(--micic-space-2);
      }
      .note {
        font-size: var(--micic-text-sm);
      }
    `,
  ];

  @property() language: Language = 'en';
  @property() kind: ReferenceKind | '' = '';
  @property({ attribute: false }) content?: ReferenceContent;
  @query('dialog') private dialog?: HTMLDialogElement;

  protected override updated(): void {
    if (!this.dialog) return;
    if (this.kind && !this.dialog.open) this.dialog.showModal();
    if (!this.kind && this.dialog.open) this.dialog.close();
  }

  private close = () => {
    this.dispatchEvent(new CustomEvent('reference-close', { bubbles: true, composed: true }));
  };

  override render() {
    const t = (key: Parameters<typeof translate>[1]) => translate(this.language, key);
    const title = t(this.kind === 'references' ? 'reference.references' : this.kind === 'guidelines' ? 'reference.guidelines' : 'reference.glossary');
    return html`<dialog aria-labelledby="reference-title" @close=${this.close}>
      <div class="top">
        <h2 id="reference-title">${title}</h2>
        <button type="button" @click=${this.close}>${t('reference.close')}</button>
      </div>
      ${!this.content
        ? html`<p role="status">${t('reference.loading')}</p>`
        : this.kind === 'glossary'
          ? html`<dl>${this.content.glossary.map((entry) => html`<dt>${entry.term}</dt><dd>${entry.definition}</dd>`)}</dl>`
          : this.kind === 'references'
            ? html`<ul>${this.content.references.map((r) => html`<li><a href=${r.url} target="_blank" rel="noopener noreferrer">${r.title}</a></li>`)}</ul>
                ${this.content.credits.length
                  ? html`<h3>${t('reference.credits')}</h3>
                      <ul class="credits">${this.content.credits.map((c) => html`<li><strong>${c.what}</strong>: ${c.credit}. ${t('reference.licence')}: ${c.licence}</li>`)}</ul>`
                  : nothing}`
            : this.kind === 'guidelines'
              ? this.renderGuidelines(this.content.guidelines, t)
              : nothing}
    </dialog>`;
  }

  private renderGuidelines(table: ReferenceContent['guidelines'], t: (key: Parameters<typeof translate>[1]) => string) {
    return html`<p class="note">${table.note}</p>
      ${table.phases.map(
        (phase) => html`<table>
          <caption>${phase.title}</caption>
          <thead>
            <tr>
              <th scope="col">${t('reference.guidelineNumber')}</th>
              <th scope="col">${t('reference.guidelineTitle')}</th>
              <th scope="col">${t('reference.guidelineTool')}</th>
            </tr>
          </thead>
          <tbody>
            ${phase.guidelines.map((g) => html`<tr><td>${g.number}</td><td>${g.title}</td><td>${g.tool ?? '–'}</td></tr>`)}
          </tbody>
        </table>`,
      )}`;
  }
}
