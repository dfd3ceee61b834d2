/**
 * Wires the parts together: machine snapshots go to the shell and, through the progress codec
 * and tracking, to the LMS session; the shell's events go to the machines; each checked quiz
 * answer becomes an LMS interaction.
 */
import type { CourseOutline, Language, ModuleSummary } from './content/schema';
import type { ReferenceKind } from './components/reference-dialog';
import type { CourseActor, CourseContext, CourseEvent } from './machines/course-machine';
import { quizSnapshotData, type AnsweredEvent, type QuizActor, type QuizEvent, type QuizStateName } from './machines/quiz-machine';
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
import type { UiStringKey } from './i18n';
import { cardParts, type NavigableModule } from './controllers/module-pages';
import { PagePresenter } from './controllers/page-presenter';
import { CheckAnswerStore } from './controllers/check-answers';
import { WrittenTasks } from './controllers/written-tasks';
import { PretestController } from './controllers/pretest';
import { WorkshopCardController } from './controllers/workshop-card';
import type { ClassViewController } from './controllers/class-view';
import { BlockStates } from './controllers/block-states';
import { CourseView, type ReferenceLoader } from './controllers/course-view';

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
  private readonly texts: PageTexts;
  private readonly view: CourseView;
  private firstUpdateDone = false;
  /** How the quiz change under way is saved: draft changes are coalesced, steps and answers go at once. */
  private quizSave: 'now' | 'soon' = 'now';

  constructor(
    private readonly course: CourseOutline,
    launch: LaunchConfig,
    shell: CourseShell,
    loadContent: ContentLoader,
    loadReference: ReferenceLoader,
    win: Window,
    prepared: PreparedSession,
    start: StartingPoint,
    actors: EngineActors,
  ) {
    this.session = prepared.session;
    const resume = prepared.launch;
    // Flashcards turned and steps reached stay in this browser (the trainer's preview keeps nothing).
    const blockKey = `micic:blocks:${resume.learnerId || 'anonymous'}:${course.id}:${launch.scope}`;
    new BlockStates(launch.trainer ? undefined : usableLocalStorage(), blockKey, course.contentHash).attach(shell);
    this.modules = start.modules;
    this.presenter = new PagePresenter(shell, course, this.modules);
    this.texts = new PageTexts(this.modules, loadContent, {
      trainer: launch.trainer,
      pretestInProgress: (m) => this.pretests.inProgress(m),
      pretestShown: (m) => !!this.pretests.view(m),
    });
    this.codecModules = start.codecModules;
    this.masteryScores = actors.masteryScores;

    const restored = start.restored;
    this.actor = actors.course;
    this.quizzes = actors.quizzes;
    this.quizzes.forEach((quiz, m) => quiz?.on('answered', (event) => this.onAnswered(this.modules[m]!, event)));

    this.checkAnswers = new CheckAnswerStore(this.modules.length, restored?.checks, shell, () => this.actor.getSnapshot().context.position.module, () => this.saved());
    this.tasks = new WrittenTasks({
      modules: this.modules,
      restored: restored?.tasks,
      target: shell,
      current: () => {
        const { position, language } = this.actor.getSnapshot().context;
        return { module: position.module, language, texts: this.texts.get(position.module, language)?.questions };
      },
      recordInteraction: (interaction) => this.session.recordInteraction(interaction, false),
      onChange: () => this.saved(),
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
      changed: () => this.saved(),
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
        this.classView = new ClassViewController(course, this.modules, shell, scenarioTexts, () => this.actor.getSnapshot().context.language, () => this.view.render());
        release();
      });
    }

    this.view = new CourseView(
      {
        shell,
        modules: this.modules,
        texts: this.texts,
        presenter: this.presenter,
        current: () => this.actor.getSnapshot().context,
        quizzes: this.quizzes,
        checkAnswers: this.checkAnswers,
        tasks: this.tasks,
        pretests: this.pretests,
        cards: this.cards,
        scenarios: this.scenarios,
        classView: () => this.classView,
        loadReference,
      },
      // The first view main.ts drew is on screen.
      start.context,
    );
    // News the session had before the course listened comes now, then the course's own notices.
    prepared.listen((news, detail) => this.onSessionNews(news, detail));
    if (launch.trainer) this.view.addNotice('notice.trainer');
    if (start.notice) this.view.addNotice(start.notice);
    describeCourse(shell, course, launch, this.modules);
    shell.addEventListener('reference-open', (e) => void this.view.openReference((e as CustomEvent<ReferenceKind>).detail));
    shell.addEventListener('reference-close', () => this.view.closeReference());
    shell.addEventListener('scenario-command', (e) => {
      const { scenario, command } = (e as CustomEvent<{ scenario: string; command: ScenarioCommand }>).detail;
      this.scenarios.command(this.actor.getSnapshot().context.position.module, scenario, command);
    });
    shell.addEventListener('course-event', (e) => this.send((e as CustomEvent<CourseEvent>).detail));
    shell.addEventListener('quiz-event', (e) => this.sendQuiz((e as CustomEvent<QuizEvent>).detail));
    shell.addEventListener('pretest-event', (e) => void this.sendPretest((e as CustomEvent<QuizEvent>).detail));
    shell.addEventListener('notice-dismiss', (e) => this.view.dismissNotice((e as CustomEvent<UiStringKey>).detail));
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
    if (event.type === 'quiz.start') await this.view.showPage(this.actor.getSnapshot().context);
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
    this.view.setNotices((notices) => noticesAfter(news, notices));
  }

  /** A learner's change saved at once, and shown. */
  private saved(): void {
    this.session.update(this.record(), 'now');
    this.view.render();
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
    this.view.render();
  }

  private onChange(context: CourseContext): void {
    // The first state goes to the LMS at once (status "incomplete" from the first launch); page
    // changes after it are coalesced.
    this.session.update(this.record(), this.firstUpdateDone ? 'soon' : 'now');
    this.firstUpdateDone = true;
    this.view.change(context);
  }
}
