import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CompiledPage, CourseOutline, Language, ModuleSummary, Objective, QuestionKey, QuestionText, ReferenceContent, ScenarioKey, ScenarioText } from '../content/schema';
import type { ScenarioContext } from '../machines/scenario-graph';
import type { WorkshopCardData } from './workshop-card';
import type { PretestView } from '../controllers/pretest';
import type { ClassViewData } from './class-view';
import type { ReferenceKind } from './reference-dialog';
import type { QuizContext, QuizStateName } from '../machines/quiz-state';
import type { Response } from '../machines/quiz-scoring';
import type { TaskAnswer } from '../progress/task-codec';
import type { CourseContext, CourseEvent, Position } from '../machines/course-navigation';
import { BOOT_TEXT, translate, type UiStringKey } from '../i18n';
import type { NavigableOutline } from '../controllers/module-pages';
import { theme } from './theme';
import { shellStyles } from './shell-styles';
import './module-landing';
import './language-switch';
import './notice-list';
import './progress-meter';
import './table-of-contents';

/** A module as the shell shows it: its outline, and once the engine runs, its tasks and prompts. */
type ShellModule = NavigableOutline & Partial<Pick<ModuleSummary, 'tasks' | 'workshopPrompts'>>;

/**
 * The course frame: header with the language switch, contents, the current page and
 * previous/next. It renders the course machine's context and turns every learner action
 * into a machine event; it decides nothing itself.
 * @fires course-event - detail: a CourseEvent for the course machine
 * @fires notice-dismiss - detail: the key of the notice to remove
 */
@customElement('micic-course-shell')
export class CourseShell extends LitElement {
  static override styles = [theme, shellStyles];

  @property({ attribute: false }) course?: CourseOutline;
  /** The modules this launch covers: one for a module SCO, all for the full course. */
  @property({ attribute: false }) modules: readonly ShellModule[] = [];
  @property({ attribute: false }) context?: CourseContext;
  @property({ attribute: false }) page?: CompiledPage;
  /** Texts of this module's questions in the current language, and its knowledge checks. */
  @property({ attribute: false }) questionTexts: Record<string, QuestionText> = {};
  @property({ attribute: false }) checks: Record<string, QuestionKey> = {};
  /** The current module's quiz, when the current page is the quiz. */
  @property({ attribute: false }) quiz?: { state: QuizStateName; context: QuizContext; objectives: Objective[] };
  /** The glossary or references dialog, when open. */
  @property({ attribute: false }) reference?: { kind: ReferenceKind; content?: ReferenceContent };
  /** The module's pre-test, on the module's first page. */
  @property({ attribute: false }) pretest?: PretestView;
  /** Trainer preview: the class view, when open (it takes the page's place). */
  @property({ attribute: false }) classView?: ClassViewData;
  /** The workshop card, when the current page is it. */
  @property({ attribute: false }) card?: WorkshopCardData;
  /** The scenario, when the current page is one. */
  @property({ attribute: false }) scenario?: { key: ScenarioKey; text?: ScenarioText; at: string; context: ScenarioContext };
  @property({ type: Boolean }) loadFailed = false;
  /** A page the learner asked for is loading: the current view stays until it is here. */
  @property({ type: Boolean }) busy = false;
  /** The learner's own seed for the order of choices in checks and scenarios (kept across resume). */
  @property({ type: Number }) learnerSeed = 0;
  /** This module's knowledge-check answers as last checked (kept in progress). */
  @property({ attribute: false }) checkAnswers: Record<string, Response> = {};
  /** This module's saved written-task answers. */
  @property({ attribute: false }) taskAnswers: Record<string, TaskAnswer> = {};
  /** Trainer preview: players show answers and whole scenario scripts. */
  @property({ type: Boolean }) trainer = false;
  @property({ attribute: false }) notices: readonly UiStringKey[] = [];
  /** Values the notices' placeholders take (the module number). */
  @property({ attribute: false }) noticeValues: Record<string, string | number> = {};

  @state() private tocOpen = false;
  @state() private menuOpen = false;
  @query('main') private main?: HTMLElement;
  @query('.toggle') private contentsToggle?: HTMLElement;
  /** Settles when the players the current view needs have loaded. */
  private playersLoaded: Promise<unknown> = Promise.resolve();

  /**
   * The page view and the players load on first use: every launch begins on the home or a
   * module's landing, drawn before the rest of the course has loaded.
   */
  private loadPlayers(): void {
    const loading: Array<Promise<unknown>> = [];
    // Drawn once defined (see render): a page view without its shadow root is never on screen.
    if (this.context?.view === 'page' && !customElements.get('micic-page-view')) loading.push(import('./page-view').then(() => this.requestUpdate()));
    // The home is drawn only in a whole-course launch: a module launch never loads it.
    if (this.context?.view === 'home' && !customElements.get('micic-course-home')) loading.push(import('./course-home').then(() => this.requestUpdate()));
    if (this.quiz) loading.push(import('./quiz-view'));
    if (this.scenario) loading.push(this.trainer ? import('./scenario-script') : import('./scenario-view'));
    if (this.card) loading.push(import('./workshop-card'));
    if (this.pretest) loading.push(import('./pretest-view'));
    if (this.classView) loading.push(import('./class-view'));
    if (this.reference) loading.push(import('./reference-dialog'));
    // A failed load (offline) is shown by the app's load check; it must not be an unhandled rejection.
    this.playersLoaded = Promise.all(loading).catch(() => undefined);
  }

  private toggleContents(open = !this.tocOpen): void {
    this.tocOpen = open;
    this.menuOpen = false;
    if (open) {
      void this.updateComplete.then(() => {
        const toc = this.renderRoot.querySelector('micic-table-of-contents');
        (toc?.shadowRoot?.querySelector<HTMLElement>('[aria-current="page"]') ?? this.renderRoot.querySelector<HTMLElement>('.close-contents'))?.focus();
      });
    } else {
      void this.updateComplete.then(() => this.contentsToggle?.focus());
    }
  }

  private onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    if (this.tocOpen && this.drawerIsOverlay()) this.toggleContents(false);
    else if (this.menuOpen) {
      this.menuOpen = false;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.menu-toggle')?.focus());
    }
  };

  /** On phones the contents cover the page; on wide screens they are a sidebar. */
  private drawerIsOverlay(): boolean {
    return !(this.ownerDocument.defaultView?.matchMedia('(min-width: 56rem)').matches ?? false);
  }

  private openReference(kind: ReferenceKind): void {
    this.dispatchEvent(new CustomEvent<ReferenceKind>('reference-open', { detail: kind, bubbles: true, composed: true }));
  }

  private send(event: CourseEvent): void {
    this.dispatchEvent(new CustomEvent<CourseEvent>('course-event', { detail: event, bubbles: true, composed: true }));
  }

  override render() {
    const { course, context } = this;
    if (!course || !context) {
      // Before the learner's language and its strings have arrived: the browser's language will do.
      const language = navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
      // No margin: a paragraph's top margin would show through the page and shift it when the course draws (CLS).
      return this.loadFailed
        ? html`<p role="alert" class="loading">${BOOT_TEXT.loadFailed[language]}</p>`
        : html`<p role="status" class="loading">${BOOT_TEXT.loading[language]}</p>`;
    }
    this.loadPlayers();
    const language = context.language;
    const t = (key: UiStringKey, values?: Record<string, string | number>) => translate(language, key, values);
    const module = this.modules[context.position.module]!;
    const flat = this.flatPosition(context);
    const total = this.modules.reduce((sum, m) => sum + m.pages.length, 0);
    const seen = context.visited[context.position.module]!.filter(Boolean).length;
    const moduleComplete = seen === module.pages.length;

    const modulePart = `${t('nav.module', { number: module.number })}: ${module.title[language]}`;
    const overlay = this.tocOpen && this.drawerIsOverlay();
    // The pager comes with the page: drawn before the page's text arrives, it would jump down when it does (CLS).
    const pageNotYetShown = !this.loadFailed && !this.card && !this.quiz && (this.scenario ? !this.scenario.text : !this.page);
    return html`<header @keydown=${this.onKeydown}>
        <button class="skip" type="button" @click=${this.skipToContent}>${t('app.skipToContent')}</button>
        <button
          class="toggle"
          type="button"
          aria-expanded=${this.tocOpen ? 'true' : 'false'}
          aria-controls="contents"
          @click=${() => this.toggleContents()}
        >
          ☰ <span>${t('nav.contentsShort')}</span>
        </button>
        <p class="where">
          <span class="short">${course.shortTitle[language]}</span><span class="long">${course.title[language]}</span>
          <span class="module">${modulePart}</span>
        </p>
        <button
          class="menu-toggle"
          type="button"
          aria-expanded=${this.menuOpen ? 'true' : 'false'}
          aria-controls="tools"
          @click=${() => {
            this.menuOpen = !this.menuOpen;
            this.tocOpen = false;
          }}
        >
          ${t('nav.menu')}
        </button>
        <div class="tools" id="tools" data-open=${this.menuOpen ? 'true' : 'false'}>
          <button type="button" class="tool" @click=${() => this.send({ type: 'nav.home' })}>${t(this.modules.length > 1 ? 'nav.home' : 'nav.overview')}</button>
          <button type="button" class="tool" @click=${() => this.openReference('glossary')}>${t('reference.glossary')}</button>
          <button type="button" class="tool" @click=${() => this.openReference('references')}>${t('reference.references')}</button>
          <button type="button" class="tool" @click=${() => this.openReference('guidelines')}>${t('reference.guidelines')}</button>
          ${this.trainer
            ? html`<button type="button" class="tool class-view" @click=${() => this.dispatchEvent(new CustomEvent('class-view-open', { bubbles: true, composed: true }))}>${t('trainer.classView')}</button>`
            : nothing}
          <micic-language-switch
            .language=${language}
            .languages=${course.languages}
            @language-change=${(e: CustomEvent<Language>) => this.send({ type: 'language.set', language: e.detail })}
          ></micic-language-switch>
        </div>
      </header>
      ${this.reference
        ? html`<micic-reference-dialog
            .language=${language}
            .kind=${this.reference.kind}
            .content=${this.reference.content}
          ></micic-reference-dialog>`
        : nothing}
      <div class="notices">
        <micic-notice-list .language=${language} .notices=${this.notices} .values=${this.noticeValues}></micic-notice-list>
      </div>
      <div class="layout">
        ${overlay ? html`<button class="backdrop" type="button" tabindex="-1" aria-hidden="true" @click=${() => this.toggleContents(false)}></button>` : nothing}
        <nav class="contents" id="contents" aria-label=${t('nav.contents')} data-open=${this.tocOpen ? 'true' : 'false'} @keydown=${this.onKeydown}>
          <div class="drawer-head">
            <button class="close-contents" type="button" @click=${() => this.toggleContents(false)}>${t('nav.hideContents')}</button>
          </div>
          <micic-table-of-contents
            .language=${language}
            .modules=${this.modules}
            .visited=${context.visited}
            .position=${context.position}
            @navigate=${this.onNavigate}
          ></micic-table-of-contents>
        </nav>
        <main id="main" tabindex="-1" ?inert=${overlay} aria-busy=${this.busy ? 'true' : 'false'}>
          ${this.classView
            ? html`<micic-class-view .language=${language} .data=${this.classView}></micic-class-view>`
            : context.view === 'home'
            ? !customElements.get('micic-course-home')
              ? nothing
              : html`<micic-course-home .language=${language} .course=${course} .modules=${this.modules} .visited=${context.visited} .current=${context.position.module}></micic-course-home>`
            : context.view === 'landing'
              ? html`<micic-module-landing .language=${language} .module=${module} .index=${context.position.module} .visited=${context.visited[context.position.module]!} ?hasHome=${this.modules.length > 1}></micic-module-landing>`
            : this.loadFailed
            ? html`<p role="alert">${t('app.loadFailed')}</p>`
            : this.card
              ? html`<micic-workshop-card .language=${language} .data=${this.card}></micic-workshop-card>`
              : this.scenario && this.trainer
              ? html`<micic-scenario-script
                  .moduleId=${module.id}
                  .language=${language}
                  .key=${this.scenario.key}
                  .text=${this.scenario.text}
                ></micic-scenario-script>`
              : this.scenario
              ? html`<micic-scenario-view
                  .moduleId=${module.id}
                  .seed=${this.learnerSeed}
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
                  .pages=${module.pages}
                  .moduleIndex=${context.position.module}
                ></micic-quiz-view>`
              : !customElements.get('micic-page-view')
              ? nothing
              : html`<micic-page-view
                  .page=${this.page}
                  .language=${language}
                  .checks=${this.checks}
                  .answers=${this.checkAnswers}
                  .tasks=${module.tasks ?? []}
                  .taskAnswers=${this.taskAnswers}
                  .seed=${this.learnerSeed}
                  .texts=${this.questionTexts}
                  .prompts=${(module.workshopPrompts ?? []).map((p) => p[language])}
                >
                  ${context.position.page === 0 && this.pretest
                    ? html`<div slot="intro">
                        <micic-pretest .language=${language} .pretest=${this.pretest} .texts=${this.questionTexts}></micic-pretest>
                      </div>`
                    : nothing}
                </micic-page-view>`}
          ${context.view !== 'page' || pageNotYetShown ? nothing : html`<nav class="pager" aria-label=${t('nav.pageNavigation')}>
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
          ${moduleComplete ? html`<p class="complete">✓ ${t('progress.moduleComplete')}</p>` : ''}`}
        </main>
      </div>`;
  }

  /**
   * After a page change: close the drawer, bring the new page's top into view and focus its
   * title, so reading starts at the beginning and screen readers announce the page.
   */
  async showPageFromTop(): Promise<void> {
    this.tocOpen = false;
    this.menuOpen = false;
    await this.updateComplete;
    await this.playersLoaded;
    const view = this.renderRoot.querySelector<LitElement>('micic-course-home, micic-module-landing, micic-page-view, micic-quiz-view, micic-scenario-view, micic-scenario-script, micic-workshop-card');
    await view?.updateComplete;
    view?.shadowRoot?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
    this.ownerDocument.defaultView?.scrollTo(0, 0);
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
