import { LitElement, html, css, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Language } from '../content/schema';
import { formatPercent, guidelineList, translate, type UiStringKey } from '../i18n';
import { pageFrame, theme } from './theme';

export interface WorkshopCardData {
  moduleTitle: string;
  objectives: Array<{ text: string; success: 'passed' | 'failed' | 'unknown'; percent?: number }>;
  scenarios: Array<{
    title: string;
    played: boolean;
    steps: Array<{ situation: string; choice: string; guidelines: number[] }>;
    ending?: { kind: 'good' | 'mixed' | 'poor'; title: string };
    /** True when these are the last finished play's decisions while a newer play is under way. */
    earlierPlay?: boolean;
  }>;
  prompts: string[];
}

/**
 * The trainee's one-page card for the in-person session: objectives with mastery, the decisions
 * they took in each scenario and where those led, and the module's workshop prompts. Printable;
 * built from the learner's own progress in the browser.
 */
@customElement('micic-workshop-card')
export class WorkshopCard extends LitElement {
  static override styles = [
    theme,
    pageFrame,
    css`
      h3 {
        font-size: var(--micic-text-base);
        margin: var(--micic-space-3) 0 var(--micic-space-1);
      }
      ul,
      ol {
        margin: 0;
        padding-inline-start: 1.25rem;
      }
      .status {
        font-weight: 700;
        white-space: nowrap;
      }
      .print {
        border: 2px solid var(--micic-accent);
        background: var(--micic-accent);
        color: var(--micic-accent-ink);
        padding: 0.4rem 1rem;
      }
      @media print {
        :host {
          max-width: none;
          font-size: 10.5pt;
        }
        .print,
        .intro {
          display: none;
        }
        h1 {
          font-size: 15pt;
        }
        h2 {
          font-size: 12pt;
          margin-top: 8pt;
        }
        li {
          break-inside: avoid;
        }
      }
    `,
  ];

  @property() language: Language = 'en';
  @property({ attribute: false }) data?: WorkshopCardData;

  private t(key: UiStringKey, values?: Record<string, string | number>): string {
    return translate(this.language, key, values);
  }

  override render() {
    const data = this.data;
    if (!data) return nothing;
    return html`<h1 tabindex="-1">${this.t('card.title')}</h1>
      <p>${data.moduleTitle}</p>
      <p class="intro">${this.t('card.intro')}</p>
      <button class="print" type="button" @click=${() => window.print()}>${this.t('card.print')}</button>
      <h2>${this.t('card.objectives')}</h2>
      <ul class="objectives">
        ${data.objectives.map(
          (o) => html`<li>
            ${o.text}
            <span class="status">${o.success === 'passed'
              ? this.t('card.mastered', { percent: formatPercent(this.language, o.percent ?? 0) })
              : o.success === 'failed'
                ? this.t('card.notYet', { percent: formatPercent(this.language, o.percent ?? 0) })
                : this.t('card.notAssessed')}</span>
          </li>`,
        )}
      </ul>
      <h2>${this.t('card.decisions')}</h2>
      ${data.scenarios.map(
        (s) => html`<h3>${s.title}</h3>
          ${!s.played
            ? html`<p>${this.t('card.notPlayed')}</p>`
            : html`${s.earlierPlay ? html`<p>${this.t('card.lastFinished')}</p>` : nothing}<ol class="decisions">
                  ${s.steps.map((step) => html`<li><span class="choice">${step.choice}</span> <small>(${guidelineList(this.language, step.guidelines)})</small></li>`)}
                </ol>
                <p>
                  <strong>${this.t('card.ledTo')}</strong>
                  ${s.ending ? `${this.t(`scenario.ending.${s.ending.kind}`)}: ${s.ending.title}` : this.t('card.inProgress')}
                </p>`}`,
      )}
      <h2>${this.t('card.prompts')}</h2>
      <ol class="prompts">
        ${data.prompts.map((p) => html`<li>${p}</li>`)}
      </ol>`;
  }
}
