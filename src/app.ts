/**
 * Wires the parts together: machine snapshots go to the shell and, through the progress codec
 * and tracking, to the LMS session; the shell's events go to the machines; each checked quiz
 * answer becomes an LMS interaction.
 */
import type { CourseOutline, Language, ModuleSummary, ReferenceContent } from './content/schema';
import type { ReferenceKind } from './components/reference-dialog';
import type { CourseActor, CourseContext, CourseEvent } from './machines/course-machine';
import { quizSnapshotData, type AnsweredEvent, type QuizActor, type QuizEvent, type QuizStateName } from './machines/quiz-machine';
import { hashString } from './machines/quiz-scoring';
import type { ScenarioCommand } from './components/scenario-view';
import { encodeProgress, type CodecModule } from './progress/codec';
import { usableLocalStorage } from './lms/mirror';
import { trackingState } from './progress/tracking';
import type { LmsSession, SessionNews, StateToSave } from './lms/session';
import { answerInteraction } from './controllers/interactions';
import { quizInteractionId } from './lms/identifiers';
import { noticesAfter, quizSaveTiming } from './controllers/session-news';
import type { PreparedSession } from './controllers/session-start';
import { describeCourse, holdEvents, nextTask } from './controllers/starting-point';
import type { EngineActors } from './controllers/engine-actors';
import type { StartingPoint } from './controllers/restored-start';
import { PageTexts, type ContentLoader } from './controllers/page-texts';
import { ScenarioPlays } from './controllers/scenario-plays';
import { watchPageLifecycle } from './controllers/page-lifecycle';
import type { LaunchConfig } from './launch';
import type { CourseShell } from './components/course-shell';
import { isLanguageLoaded, loadLanguage, type UiStringKey } from './i18n';
import { CARD_PAGE_ID, cardParts, QUIZ_PAGE_ID, SCENARIO_PAGE_PREFIX, type NavigableModule } from './controllers/module-pages';
import { PagePresenter } from './controllers/page-presenter';
import { CheckAnswerStore } from './controllers/check-answers';
import { WrittenTasks } from './controllers/written-tasks';
import { PretestController } from './controllers/pretest';
import { WorkshopCardController } from './controllers/workshop-card';
import type { ClassViewController } from './controllers/class-view';
import { BlockStates } from './controllers/block-states';

export type ReferenceLoader = (language: Language) => Promise<ReferenceContent>;
/** main.ts makes the actors with the engine's code, before the app. */
export { createEngineActors } from './controllers/engine-actors';

export class CourseApp {
  private readonly session: LmsSession;
  private readonly actor: CourseActor;
  /** One quiz actor per module in scope that has a quiz (undefined for the others). */
  private readonly quizzes: Array<QuizActor | undefined>;
  /** Per module, per scenario: the running play and what is kept across plays. */
  private readonly scenarios: ScenarioPlays;
  private readonly modules: NavigableModule[];
  private readonly presenter: PagePresenter;
  private readonly checkAnswers: CheckAnswerStore;
  private readonly tasks: WrittenTasks;
  private readonly pretests: PretestController;
  private readonly cards: WorkshopCardController;
  /** Trainer preview only. */
  private classView?: ClassViewController;
  private readonly codecModules: CodecModule[];
  private readonly masteryScores: number[];
  private notices: UiStringKey[] = [];
  private readonly texts: PageTexts;
  private loadFailed = false;
  /** The state on screen: the course machine's, once what it shows has loaded. */
  private shown?: CourseContext;
  private firstUpdateDone = false;
  /** How the quiz change under way is saved: draft changes are coalesced, steps and answers go at once. */
  private quizSave: 'now' | 'soon' = 'now';

  constructor(
    private readonly course: CourseOutline,
    launch: LaunchConfig,
    private readonly shell: CourseShell,
    loadContent: ContentLoader,
    private readonly loadReference: ReferenceLoader,
    win: Window,
    prepared: PreparedSession,
    start: StartingPoint,
    actors: EngineActors,
  ) {
    this.session = prepared.session;
    // The first view main.ts drew is on screen.
    this.shown = start.context;
    const resume = prepared.launch;
    prepared.listen((news, detail) => this.onSessionNews(news, detail));
    // Flashcards turned and steps reached stay in this browser (the trainer's preview keeps nothing).
    const blockKey = `micic:blocks:${resume.learnerId || 'anonymous'}:${course.id}:${launch.scope}`;
    new BlockStates(launch.trainer ? undefined : usableLocalStorage(), blockKey, course.contentHash).attach(shell);
    if (launch.trainer) this.addNotice('notice.trainer');
    this.modules = start.modules;
    this.presenter = new PagePresenter(shell, course, this.modules);
    this.texts = new PageTexts(this.modules, loadContent, {
      trainer: launch.trainer,
      pretestInProgress: (m) => this.pretests.inProgress(m),
      pretestShown: (m) => !!this.pretests.view(m),
    });
    this.codecModules = start.codecModules;
    this.masteryScores = actors.masteryScores;

    if (start.notice) this.addNotice(start.notice);
    const restored = start.restored;
    this.actor = actors.course;
    this.quizzes = actors.quizzes;
    this.quizzes.forEach((quiz, m) => quiz?.on('answered', (event) => this.onAnswered(this.modules[m]!, event)));

    this.checkAnswers = new CheckAnswerStore(this.modules.length, restored?.checks, shell, () => this.actor.getSnapshot().context.position.module, () => {
      this.session.update(this.record(), 'now');
      this.render();
    });
    this.tasks = new WrittenTasks({
      modules: this.modules,
      restored: restored?.tasks,
      target: shell,
      current: () => {
        const { position, language } = this.actor.getSnapshot().context;
        return { module: position.module, language, texts: this.texts.get(position.module, language)?.questions };
      },
      recordInteraction: (interaction) => this.session.recordInteraction(interaction, false),
      onChange: () => {
        this.session.update(this.record(), 'now');
        this.render();
      },
    });
    this.pretests = new PretestController(this.modules, restored?.pretests, {
      seedOf: (m) => this.quizzes[m]?.getSnapshot().context.seed,
      textsOf: (m) => this.texts.get(m, this.actor.getSnapshot().context.language)?.questions,
      record: (interaction) => this.session.recordInteraction(interaction, false),
      changed: () => this.onQuizChange(),
    });

    this.scenarios = new ScenarioPlays(this.modules, restored?.scenarios, {
      language: () => this.actor.getSnapshot().context.language,
      textOf: (moduleId, language, scenarioId) => this.texts.contentFor(moduleId, language).scenarios[scenarioId],
      recordInteraction: (interaction) => this.session.recordInteraction(interaction, false),
      changed: () => {
        this.session.update(this.record(), 'now');
        this.render();
      },
    });

    this.cards = new WorkshopCardController({
      courseId: course.id,
      storageKey: `micic:${course.id}:${course.version}`,
      modules: this.modules,
      trainer: launch.trainer,
      storage: usableLocalStorage(),
      contentOf: (m, language) => (this.texts.hasParts(m, language, cardParts(this.modules[m]!)) ? this.texts.get(m, language) : undefined),
      objectives: () => this.record().objectives,
      scenario: (m, i) => ({ actor: this.scenarios.actor(m, i), progress: this.scenarios.progress[m]![i]! }),
      pretestScores: (m) => this.pretests.objectiveScores(m),
      writtenTasks: (m, questions) => this.tasks.cardEntries(m, questions),
    });
    shell.addEventListener('card-answer', (e) => {
      const { index, text } = (e as CustomEvent<{ index: number; text: string }>).detail;
      this.cards.setAnswer(this.actor.getSnapshot().context.position.module, index, text);
    });
    shell.addEventListener('card-download', () => {
      const { position, language } = this.actor.getSnapshot().context;
      this.cards.download(position.module, language, win.document);
    });
    if (launch.trainer) {
      // Trainer preview only: its code is not in a learner's download.
      const release = holdEvents(shell, ['class-view-open', 'class-view-close', 'class-files']);
      void import('./controllers/class-view').then(({ ClassViewController }) => {
        const scenarioTexts = async (moduleId: string, language: Language) => {
          const m = this.modules.findIndex((module) => module.id === moduleId);
          await this.texts.loadParts(m, language, this.modules[m]!.scenarios.map((key) => `scenario-${key.id}` as const));
          return this.texts.contentFor(moduleId, language);
        };
        this.classView = new ClassViewController(course, this.modules, shell, scenarioTexts, () => this.actor.getSnapshot().context.language, () => this.render());
        release();
      });
    }

    describeCourse(shell, course, launch, this.modules);
    shell.addEventListener('reference-open', (e) => void this.openReference((e as CustomEvent<ReferenceKind>).detail));
    shell.addEventListener('reference-close', () => {
      this.shell.reference = undefined;
    });
    shell.addEventListener('scenario-command', (e) => {
      const { scenario, command } = (e as CustomEvent<{ scenario: string; command: ScenarioCommand }>).detail;
      this.scenarios.command(this.actor.getSnapshot().context.position.module, scenario, command);
    });
    shell.addEventListener('course-event', (e) => this.send((e as CustomEvent<CourseEvent>).detail));
    shell.addEventListener('quiz-event', (e) => this.sendQuiz((e as CustomEvent<QuizEvent>).detail));
    shell.addEventListener('pretest-event', (e) => void this.sendPretest((e as CustomEvent<QuizEvent>).detail));
    shell.addEventListener('notice-dismiss', (e) => {
      this.notices = this.notices.filter((key) => key !== (e as CustomEvent<UiStringKey>).detail);
      this.render();
    });
    // Save whenever the learner may be leaving; never rely on unload, which browsers cut short.
    watchPageLifecycle(win, this.session, () => this.record());
  }

  /** Starts the machines (in tasks of their own); the first state goes to the LMS at once. */
  async start(win: Window): Promise<void> {
    for (const quiz of this.quizzes) quiz?.subscribe(() => this.onQuizChange());
    this.quizzes.forEach((quiz) => quiz?.start());
    await nextTask(win);
    this.actor.subscribe((snapshot) => this.onChange(snapshot.context));
    this.actor.start();
  }

  send(event: CourseEvent): void {
    this.presenter.noteEvent(event);
    this.actor.send(event);
  }

  private sendQuiz(event: QuizEvent): void {
    const m = this.actor.getSnapshot().context.position.module;
    this.quizSave = quizSaveTiming(event);
    this.quizzes[m]?.send(event);
    this.quizSave = 'now';
  }

  /** The pre-test's question texts come with the module's practice texts, loaded when it starts. */
  private async sendPretest(event: QuizEvent): Promise<void> {
    this.pretests.send(this.actor.getSnapshot().context.position.module, event);
    if (event.type === 'quiz.start') await this.showPage(this.actor.getSnapshot().context);
  }

  private onAnswered(module: ModuleSummary, event: AnsweredEvent): void {
    const language = this.actor.getSnapshot().context.language;
    const text = this.texts.contentFor(module.id, language).questions[event.question.id];
    // Queued now, committed with the new quiz state by the change that follows.
    this.session.recordInteraction(answerInteraction(quizInteractionId(module.id, event.question.id, event.attempt), module.id, event, text), false);
  }

  private onSessionNews(news: SessionNews, detail: string): void {
    // Trainers and support staff find the LMS's own words in the browser console.
    if (news !== 'save-recovered') console.warn(`[MICIC course] ${news}${detail ? `: ${detail}` : ''}`);
    this.notices = noticesAfter(news, this.notices);
    this.render();
  }


  private quizData() {
    return this.quizzes.map((quiz) => {
      if (!quiz) return undefined;
      const snapshot = quiz.getSnapshot();
      return quizSnapshotData(snapshot.value as QuizStateName, snapshot.context);
    });
  }

  private record(): StateToSave {
    const context = this.actor.getSnapshot().context;
    const module = this.modules[context.position.module]!;
    const quizzes = this.quizData();
    return trackingState({
      context,
      modules: this.modules,
      quizzes,
      scenarios: this.scenarios.progress,
      location: `${module.id}/${module.pages[context.position.page]!.id}`,
      suspendData: encodeProgress(
        { ...context, savedAt: Date.now(), quizzes, scenarios: this.scenarios.progress, checks: this.checkAnswers.all(), tasks: this.tasks.all(), pretests: this.pretests.data() },
        this.codecModules,
      ),
      language: context.language,
      masteryScores: this.masteryScores,
      scoreRollup: this.course.scoreRollup,
    });
  }

  private onQuizChange(): void {
    if (!this.firstUpdateDone) return;
    // Answers and quiz steps are committed at once; draft changes (each Move up/down) coalesce.
    this.session.update(this.record(), this.quizSave);
    this.render();
  }

  private onChange(context: CourseContext): void {
    // The first state goes to the LMS at once (status "incomplete" from the first launch); page
    // changes after it are coalesced.
    this.session.update(this.record(), this.firstUpdateDone ? 'soon' : 'now');
    this.firstUpdateDone = true;
    if (!isLanguageLoaded(context.language)) {
      // Its strings are a chunk of their own: show the change once they are here (the page's
      // text loads meanwhile).
      void this.texts.loadPage(context.position.module, context.position.page, context.language).catch(() => undefined);
      loadLanguage(context.language).then(
        () => this.actor.getSnapshot().context === context && this.show(context),
        () => {
          this.loadFailed = true;
          this.shell.loadFailed = true;
        },
      );
      return;
    }
    this.show(context);
  }

  /** Puts `context` on screen; the document's language and title follow what is shown. */
  private present(context: CourseContext): void {
    this.shown = context;
    this.shell.busy = false;
    const doc = this.shell.ownerDocument;
    // Written only when they change: a new lang on the root restyles the whole document.
    if (doc.documentElement.lang !== context.language) doc.documentElement.lang = context.language;
    const title = this.presenter.documentTitle(context);
    if (doc.title !== title) doc.title = title;
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
    void this.shell.updateComplete.then(() => this.texts.prepare(context.position.module, context.position.page, context.language)).catch(() => undefined);
  }

  private async showPage(context: CourseContext): Promise<void> {
    const { module: m, page } = context.position;
    const module = this.modules[m]!;
    // Until it is shown, the view says a page is on its way (aria-busy), for assistive technology.
    this.shell.busy = true;
    try {
      await this.texts.prepare(m, page, context.language);
      this.loadFailed = false;
    } catch {
      if (this.actor.getSnapshot().context !== context) return;
      this.present(context);
      this.loadFailed = true;
      this.render();
      return;
    }
    // Fetch the next page while the learner reads this one, so Next is instant even on a slow line.
    if (page + 1 < module.textPages) void this.texts.loadPage(m, page + 1, context.language).catch(() => undefined);
    const content = this.texts.contentFor(module.id, context.language);
    // A later navigation may have overtaken this load.
    if (this.actor.getSnapshot().context !== context) return;
    this.present(context);
    this.shell.page = content.pages[context.position.page];
    this.shell.questionTexts = content.questions;
    this.shell.checks = module.checks;
    this.render();
    this.presenter.pageShown();
  }

  private async openReference(kind: ReferenceKind): Promise<void> {
    const language = this.actor.getSnapshot().context.language;
    this.shell.reference = { kind };
    try {
      const content = await this.loadReference(language);
      if (this.shell.reference?.kind === kind) this.shell.reference = { kind, content };
    } catch {
      this.shell.reference = undefined;
      this.loadFailed = true;
      this.render();
    }
  }

  /**
   * A number of this learner's own for the order of choices in checks and scenarios: the module's
   * quiz seed, which progress already keeps, so the order survives resume.
   */
  private learnerSeed(m: number): number {
    return this.quizzes[m]?.getSnapshot().context.seed ?? hashString(this.modules[m]!.id);
  }

  private addNotice(key: UiStringKey): void {
    if (!this.notices.includes(key)) this.notices = [...this.notices, key];
    this.render();
  }

  private render(): void {
    const context = this.shown;
    // Until the language's strings arrive, the shell keeps what it shows (at launch, the first view).
    if (context && !isLanguageLoaded(context.language)) return;
    this.shell.context = context;
    this.shell.notices = this.notices;
    if (context) this.shell.learnerSeed = this.learnerSeed(context.position.module);
    if (context) this.shell.checkAnswers = this.checkAnswers.answersFor(context.position.module);
    if (context) this.shell.taskAnswers = this.tasks.answersFor(context.position.module);
    this.shell.loadFailed = this.loadFailed;
    // Players are loaded only for what is on screen: a home or landing view shows none.
    const module = context?.view === 'page' ? this.modules[context.position.module] : undefined;
    const onQuizPage = module?.pages[context!.position.page]?.id === QUIZ_PAGE_ID;
    const quiz = onQuizPage ? this.quizzes[context!.position.module]?.getSnapshot() : undefined;
    this.shell.quiz = quiz && module ? { state: quiz.value as QuizStateName, context: quiz.context, objectives: module.objectives } : undefined;
    const pageId = module?.pages[context!.position.page]?.id ?? '';
    this.shell.classView = context ? this.classView?.view(context.language) : undefined;
    this.shell.pretest = module && context?.position.page === 0 ? this.pretests.view(context.position.module) : undefined;
    this.shell.card = pageId === CARD_PAGE_ID ? this.cards.data(context!.position.module, context!.language) : undefined;
    const scenarioIndex = pageId.startsWith(SCENARIO_PAGE_PREFIX) ? module!.scenarios.findIndex((s) => `${SCENARIO_PAGE_PREFIX}${s.id}` === pageId) : -1;
    this.shell.scenario =
      scenarioIndex >= 0
        ? this.scenarios.view(context!.position.module, scenarioIndex, this.texts.contentFor(module!.id, context!.language).scenarios[module!.scenarios[scenarioIndex]!.id])
        : undefined;
  }
}
