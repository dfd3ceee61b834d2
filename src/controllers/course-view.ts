/**
 * What the course shows: the state on screen (the course machine's, once what it shows has
 * loaded), the notices, and each player's view, gathered from the controllers into the shell.
 * A page is shown once its text and player are here, all at once; the document's language and
 * title follow what is shown.
 */
import type { Language, ReferenceContent } from '../content/schema';
import type { CourseShell } from '../components/course-shell';
import type { ReferenceKind } from '../components/reference-dialog';
import type { CourseContext } from '../machines/course-machine';
import type { QuizActor, QuizStateName } from '../machines/quiz-machine';
import { hashString } from '../machines/quiz-scoring';
import { isLanguageLoaded, loadLanguage, type UiStringKey } from '../i18n';
import { CARD_PAGE_ID, QUIZ_PAGE_ID, SCENARIO_PAGE_PREFIX, type NavigableModule } from './module-pages';
import type { PageTexts } from './page-texts';
import type { PagePresenter } from './page-presenter';
import type { CheckAnswerStore } from './check-answers';
import type { WrittenTasks } from './written-tasks';
import type { PretestController } from './pretest';
import type { WorkshopCardController } from './workshop-card';
import type { ScenarioPlays } from './scenario-plays';
import type { ClassViewController } from './class-view';

export type ReferenceLoader = (language: Language) => Promise<ReferenceContent>;

/** Where the view's data comes from. */
export interface ViewSources {
  shell: CourseShell;
  modules: readonly NavigableModule[];
  texts: PageTexts;
  presenter: PagePresenter;
  /** The course machine's state now (it may be ahead of what is shown). */
  current(): CourseContext;
  quizzes: ReadonlyArray<QuizActor | undefined>;
  checkAnswers: CheckAnswerStore;
  tasks: WrittenTasks;
  pretests: PretestController;
  cards: WorkshopCardController;
  scenarios: ScenarioPlays;
  /** Trainer preview only, once its code has loaded. */
  classView(): ClassViewController | undefined;
  loadReference: ReferenceLoader;
}

export class CourseView {
  private loadFailed = false;

  constructor(
    private readonly from: ViewSources,
    /** The state on screen: at first, the one the first view was drawn from. */
    private shown: CourseContext,
    /** Notices to show from the start (the trainer preview's, a damaged saved text's). */
    private notices: UiStringKey[] = [],
  ) {}

  /** The machine moved to `context`: show it once its strings (a chunk of their own) are here. */
  change(context: CourseContext): void {
    if (isLanguageLoaded(context.language)) {
      this.show(context);
      return;
    }
    // The page's text loads meanwhile.
    void this.from.texts.loadPage(context.position.module, context.position.page, context.language).catch(() => undefined);
    loadLanguage(context.language).then(
      () => this.from.current() === context && this.show(context),
      () => {
        this.loadFailed = true;
        this.from.shell.loadFailed = true;
      },
    );
  }

  /** Shows a page of `context` once its text and player have loaded (again, after its parts changed). */
  async showPage(context: CourseContext): Promise<void> {
    const { module: m, page } = context.position;
    const module = this.from.modules[m]!;
    const { shell, texts } = this.from;
    // Until it is shown, the view says a page is on its way (aria-busy), for assistive technology.
    shell.busy = true;
    try {
      await texts.prepare(m, page, context.language);
      this.loadFailed = false;
    } catch {
      if (this.from.current() !== context) return;
      this.present(context);
      this.loadFailed = true;
      this.render();
      return;
    }
    // Fetch the next page while the learner reads this one, so Next is instant even on a slow line.
    if (page + 1 < module.textPages) void texts.loadPage(m, page + 1, context.language).catch(() => undefined);
    const content = texts.contentFor(module.id, context.language);
    // A later navigation may have overtaken this load.
    if (this.from.current() !== context) return;
    this.present(context);
    shell.page = content.pages[context.position.page];
    shell.questionTexts = content.questions;
    shell.checks = module.checks;
    this.render();
    this.from.presenter.pageShown();
  }

  addNotice(key: UiStringKey): void {
    if (!this.notices.includes(key)) this.notices = [...this.notices, key];
    this.render();
  }

  dismissNotice(key: UiStringKey): void {
    this.notices = this.notices.filter((notice) => notice !== key);
    this.render();
  }

  /** After news from the LMS session: the notices it calls for. */
  setNotices(update: (notices: UiStringKey[]) => UiStringKey[]): void {
    this.notices = update(this.notices);
    this.render();
  }

  async openReference(kind: ReferenceKind): Promise<void> {
    const { shell } = this.from;
    shell.reference = { kind };
    try {
      const content = await this.from.loadReference(this.from.current().language);
      if (shell.reference?.kind === kind) shell.reference = { kind, content };
    } catch {
      shell.reference = undefined;
      this.loadFailed = true;
      this.render();
    }
  }

  closeReference(): void {
    this.from.shell.reference = undefined;
  }

  /** Draws what is shown again, with every player's current data. */
  render(): void {
    const context = this.shown;
    const { shell, modules } = this.from;
    // Until the language's strings arrive, the shell keeps what it shows (at launch, the first view).
    if (!isLanguageLoaded(context.language)) return;
    shell.context = context;
    shell.notices = this.notices;
    shell.loadFailed = this.loadFailed;
    const m = context.position.module;
    shell.learnerSeed = this.learnerSeed(m);
    shell.checkAnswers = this.from.checkAnswers.answersFor(m);
    shell.taskAnswers = this.from.tasks.answersFor(m);
    shell.classView = this.from.classView()?.view(context.language);
    // Players are loaded only for what is on screen: a home or landing view shows none.
    const module = context.view === 'page' ? modules[m] : undefined;
    const pageId = module?.pages[context.position.page]?.id ?? '';
    const quiz = module && pageId === QUIZ_PAGE_ID ? this.from.quizzes[m]?.getSnapshot() : undefined;
    shell.quiz = quiz && module ? { state: quiz.value as QuizStateName, context: quiz.context, objectives: module.objectives } : undefined;
    shell.pretest = module && context.position.page === 0 ? this.from.pretests.view(m) : undefined;
    shell.card = pageId === CARD_PAGE_ID ? this.from.cards.data(m, context.language) : undefined;
    const scenarioIndex = module && pageId.startsWith(SCENARIO_PAGE_PREFIX) ? module.scenarios.findIndex((s) => `${SCENARIO_PAGE_PREFIX}${s.id}` === pageId) : -1;
    shell.scenario =
      module && scenarioIndex >= 0
        ? this.from.scenarios.view(m, scenarioIndex, this.from.texts.contentFor(module.id, context.language).scenarios[module.scenarios[scenarioIndex]!.id])
        : undefined;
  }

  /**
   * A number of this learner's own for the order of choices in checks and scenarios: the module's
   * quiz seed, which progress already keeps, so the order survives resume.
   */
  private learnerSeed(m: number): number {
    return this.from.quizzes[m]?.getSnapshot().context.seed ?? hashString(this.from.modules[m]!.id);
  }

  private show(context: CourseContext): void {
    if (context.view === 'page') {
      // The view changes once the page's text and player are here, all at once: nothing is drawn
      // half-filled, and nothing on screen moves while the learner starts to read.
      void this.showPage(context);
      return;
    }
    this.present(context);
    this.render();
    // The page that "Continue" opens is fetched once the view is drawn, with the code of its view,
    // player and blocks: the tap then only draws it.
    void this.from.shell.updateComplete
      .then(() => this.from.texts.prepare(context.position.module, context.position.page, context.language))
      .catch(() => undefined);
  }

  /** Puts `context` on screen; the document's language and title follow what is shown. */
  private present(context: CourseContext): void {
    this.shown = context;
    const { shell } = this.from;
    shell.busy = false;
    const doc = shell.ownerDocument;
    // Written only when they change: a new lang on the root restyles the whole document.
    if (doc.documentElement.lang !== context.language) doc.documentElement.lang = context.language;
    const title = this.from.presenter.documentTitle(context);
    if (doc.title !== title) doc.title = title;
  }
}
