import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CompiledPage, CourseOutline, Language, ModuleSummary, Objective, QuestionKey, QuestionText, ReferenceContent, ScenarioKey, ScenarioText } from '../content/schema';
import type { ScenarioContext } from '../machines/scenario-machine';
import type { WorkshopCardData } from './workshop-card';
import type { ReferenceKind } from './reference-dialog';
import type { QuizContext, QuizStateName } from '../machines/quiz-machine';
import type { CourseContext, CourseEvent, Position } from '../machines/course-machine';
import { translate, type UiStringKey } from '../i18n';
import { theme } from './theme';
import './language-switch';
import './notice-list';
import './page-view';
import './progress-meter';
import './table-of-contents';
import type { PageView } from './page-view';

/**
 * The course frame: header with the language switch, contents, the current page and
 * previous/next. It renders the course machine's context and turns every learner action
 * into a machine event; it decides nothing itself.
 * @fires course-event - detail: a CourseEvent for the course machine
 * @fires notice-dismiss - detail: the key of the notice to remove
 */
@customElement('micic-course-shell')
export class CourseShell extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--micic-surface);
      }
      .skip {
        position: absolute;
        inset-inline-start: 0.5rem;
        top: -4rem;
        background: var(--micic-surface);
        color: var(--micic-accent);
        border: 2px solid var(--micic-accent);
        padding: 0.5rem 1rem;
        z-index: 10;
      }
      .skip:focus {
        top: 0.5rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        justify-content: space-between;
        background: var(--micic-accent);
        color: var(--micic-accent-ink);
        padding: 0.5rem 1rem;
      }
      header p {
        margin: 0;
        font-weight: 700;
        flex: 1 1 14rem;
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
      }
      .tool {
        border: 1px solid var(--micic-accent-ink);
        background: transparent;
        color: var(--micic-accent-ink);
        padding: 0.25rem 0.75rem;
      }
      header .module {
        display: block;
        font-weight: 400;
        font-size: 0.9rem;
      }
      .notices {
        padding: 0 1rem;
        margin-top: 0.5rem;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
      }
      nav.contents {
        background: var(--micic-panel);
        border-bottom: 1px solid var(--micic-border);
        padding: 0.5rem 1rem;
      }
      .toggle {
        border: 1px solid var(--micic-ink);
        background: var(--micic-surface);
        color: var(--micic-ink);
        padding: 0.25rem 0.75rem;
      }
      .toc-panel[data-open='false'] {
        display: none;
      }
      main {
        padding: 1rem;
        min-width: 0;
      }
      main:focus {
        outline: none;
      }
      .pager {
        display: grid;
        grid-template-columns: 1fr 1fr;
        grid-template-areas: 'progress progress' 'previous next';
        gap: 1rem;
        align-items: center;
        max-width: 46rem;
        margin-top: 2rem;
        padding-top: 1rem;
        border-top: 1px solid var(--micic-border);
      }
      .pager button {
        border: 2px solid var(--micic-accent);
        padding: 0.4rem 1rem;
      }
      .pager micic-progress-meter {
        grid-area: progress;
      }
      .pager .previous {
        grid-area: previous;
        justify-self: start;
      }
      .pager .next {
        grid-area: next;
        justify-self: end;
        background: var(--micic-accent);
        color: var(--micic-accent-ink);
      }
      .pager .previous {
        background: var(--micic-surface);
        color: var(--micic-accent);
      }
      .pager button[aria-disabled='true'] {
        border-color: var(--micic-border);
        background: var(--micic-panel);
        color: var(--micic-muted);
        cursor: not-allowed;
      }
      .complete {
        color: var(--micic-success);
        font-weight: 700;
      }
      /* Printing (the workshop card) keeps only the page itself. */
      @media print {
        header,
        nav.contents,
        .notices,
        .pager,
        .complete,
        .skip {
          display: none !important;
        }
        .layout {
          display: block;
        }
        main {
          padding: 0;
        }
      }
      @media (min-width: 40rem) {
        .pager {
          grid-template-columns: auto 1fr auto;
          grid-template-areas: 'previous progress next';
        }
      }
      @media (min-width: 56rem) {
        .layout {
          grid-template-columns: 18rem minmax(0, 1fr);
        }
        nav.contents {
          border-bottom: 0;
          border-inline-end: 1px solid var(--micic-border);
          min-height: calc(100vh - 4rem);
        }
        .toggle {
          display: none;
        }
        .toc-panel[data-open='false'] {
          display: block;
        }
        main {
          padding: 1.5rem 2.5rem;
        }
      }
    `,
  ];

  @property({ attribute: false }) course?: CourseOutline;
  /** The modules this launch covers: one for a module SCO, all for the full course. */
  @property({ attribute: false }) modules: readonly ModuleSummary[] = [];
  @property({ attribute: false }) context?: CourseContext;
  @property({ attribute: false }) page?: CompiledPage;
  /** Texts of this module's questions in the current language, and its knowledge checks. */
  @property({ attribute: false }) questionTexts: Record<string, QuestionText> = {};
  @property({ attribute: false }) checks: Record<string, QuestionKey> = {};
  /** The current module's quiz, when the current page is the quiz. */
  @property({ attribute: false }) quiz?: { state: QuizStateName; context: QuizContext; objectives: Objective[] };
  /** The glossary or references dialog, when open. */
  @property({ attribute: false }) reference?: { kind: ReferenceKind; content?: ReferenceContent };
  /** The workshop card, when the current page is it. */
  @property({ attribute: false }) card?: WorkshopCardData;
  /** The scenario, when the current page is one. */
  @property({ attribute: false }) scenario?: { key: ScenarioKey; text?: ScenarioText; at: string; context: ScenarioContext };
  @property({ type: Boolean }) loadFailed = false;
  /** Trainer preview: players show answers and whole scenario scripts. */
  @property({ type: Boolean }) trainer = false;
  @property({ attribute: false }) notices: readonly UiStringKey[] = [];

  @state() private tocOpen = false;
  @state() private announcement = '';
  @query('micic-page-view') private pageView?: PageView;
  @query('main') private main?: HTMLElement;

  /** The quiz and scenario players load on first use: most launches begin with reading. */
  private loadPlayers(): void {
    if (this.quiz) void import('./quiz-view');
    if (this.scenario) void import('./scenario-view');
    if (this.card) void import('./workshop-card');
    if (this.reference) void import('./reference-dialog');
  }

  private openReference(kind: ReferenceKind): void {
    this.dispatchEvent(new CustomEvent<ReferenceKind>('reference-open', { detail: kind, bubbles: true, composed: true }));
  }

  private send(event: CourseEvent): void {
    this.dispatchEvent(new CustomEvent<CourseEvent>('course-event', { detail: event, bubbles: true, composed: true }));
  }

  override render() {
    const { course, context } = this;
    if (!course || !context) return html`<p role="status">${translate('en', 'app.loading')}</p>`;
    this.loadPlayers();
    const language = context.language;
    const t = (key: UiStringKey, values?: Record<string, string | number>) => translate(language, key, values);
    const module = this.modules[context.position.module]!;
    const flat = this.flatPosition(context);
    const total = this.modules.reduce((sum, m) => sum + m.pages.length, 0);
    const seen = context.visited[context.position.module]!.filter(Boolean).length;
    const moduleComplete = seen === module.pages.length;

    return html`<header>
        <button class="skip" type="button" @click=${this.skipToContent}>${t('app.skipToContent')}</button>
        <p>
          ${course.title[language]}
          <span class="module">${t('nav.module', { number: module.number })}: ${module.title[language]}</span>
        </p>
        <div class="tools">
          <button type="button" class="tool" @click=${() => this.openReference('glossary')}>${t('reference.glossary')}</button>
          <button type="button" class="tool" @click=${() => this.openReference('references')}>${t('reference.references')}</button>
          <button type="button" class="tool" @click=${() => this.openReference('guidelines')}>${t('reference.guidelines')}</button>
        </div>
        <micic-language-switch
          .language=${language}
          .languages=${course.languages}
          @language-change=${(e: CustomEvent<Language>) => this.send({ type: 'language.set', language: e.detail })}
        ></micic-language-switch>
      </header>
      ${this.reference
        ? html`<micic-reference-dialog
            .language=${language}
            .kind=${this.reference.kind}
            .content=${this.reference.content}
          ></micic-reference-dialog>`
        : nothing}
      <div class="notices">
        <micic-notice-list .language=${language} .notices=${this.notices}></micic-notice-list>
      </div>
      <div class="layout">
        <nav class="contents" aria-label=${t('nav.contents')}>
          <button
            class="toggle"
            type="button"
            aria-expanded=${this.tocOpen ? 'true' : 'false'}
            aria-controls="toc-panel"
            @click=${() => (this.tocOpen = !this.tocOpen)}
          >
            ${t(this.tocOpen ? 'nav.hideContents' : 'nav.showContents')}
          </button>
          <div id="toc-panel" class="toc-panel" data-open=${this.tocOpen ? 'true' : 'false'}>
            <micic-table-of-contents
              .language=${language}
              .modules=${this.modules}
              .visited=${context.visited}
              .position=${context.position}
              @navigate=${this.onNavigate}
            ></micic-table-of-contents>
          </div>
        </nav>
        <main id="main" tabindex="-1">
          ${this.loadFailed
            ? html`<p role="alert">${t('app.loadFailed')}</p>`
            : this.card
              ? html`<micic-workshop-card .language=${language} .data=${this.card}></micic-workshop-card>`
              : this.scenario
              ? html`<micic-scenario-view
                  ?trainer=${this.trainer}
                  .moduleId=${module.id}
                  .language=${language}
                  .key=${this.scenario.key}
                  .text=${this.scenario.text}
                  .at=${this.scenario.at}
                  .context=${this.scenario.context}
                ></micic-scenario-view>`
              : this.quiz
              ? html`<micic-quiz-view
                  ?trainer=${this.trainer}
                  .language=${language}
                  .heading=${module.pages[context.position.page]!.title[language]}
                  .state=${this.quiz.state}
                  .context=${this.quiz.context}
                  .texts=${this.questionTexts}
                  .objectives=${this.quiz.objectives}
                ></micic-quiz-view>`
              : html`<micic-page-view
                  .page=${this.page}
                  .language=${language}
                  .checks=${this.checks}
                  .texts=${this.questionTexts}
                  .prompts=${module.workshopPrompts.map((p) => p[language])}
                ></micic-page-view>`}
          <nav class="pager" aria-label=${t('nav.pageNavigation')}>
            <button
              class="previous"
              type="button"
              aria-disabled=${flat === 0 ? 'true' : 'false'}
              @click=${() => flat > 0 && this.send({ type: 'nav.previous' })}
            >
              ← ${t('nav.previous')}
            </button>
            <micic-progress-meter .language=${language} .seen=${seen} .total=${module.pages.length}></micic-progress-meter>
            <button
              class="next"
              type="button"
              aria-disabled=${flat >= total - 1 ? 'true' : 'false'}
              @click=${() => flat < total - 1 && this.send({ type: 'nav.next' })}
            >
              ${t('nav.next')} →
            </button>
          </nav>
          ${moduleComplete ? html`<p class="complete">✓ ${t('progress.moduleComplete')}</p>` : ''}
          <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
        </main>
      </div>`;
  }

  /** Announces a page reached with previous/next, where focus stays on the button. */
  announcePage(title: string, pageNumber: number, total: number): void {
    const language = this.context?.language ?? 'en';
    this.announcement = `${title}. ${translate(language, 'progress.pageOf', { page: pageNumber, total })}`;
  }

  /** After choosing a page in the contents, focus its title so reading starts there. */
  focusPage(): void {
    this.tocOpen = false;
    void this.updateComplete.then(() => {
      if (this.pageView) void this.pageView.focusHeading();
      else this.renderRoot.querySelector('micic-quiz-view, micic-scenario-view, micic-workshop-card')?.shadowRoot?.querySelector<HTMLElement>('h1')?.focus();
    });
  }

  private flatPosition(context: CourseContext): number {
    let flat = 0;
    for (let m = 0; m < context.position.module; m++) flat += this.modules[m]!.pages.length;
    return flat + context.position.page;
  }

  private onNavigate = (event: CustomEvent<Position>) => {
    this.send({ type: 'nav.goto', position: event.detail });
  };

  private skipToContent = () => {
    this.main?.focus();
  };
}
