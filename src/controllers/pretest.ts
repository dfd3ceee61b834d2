/**
 * The pre-test of each module in scope: one quiz actor per module with a quiz, built from the
 * learner's own quiz seed, restored from progress. Each answer goes to the LMS as a
 * `<module>.pre.<question>` interaction; the pre-test never enters status, score or objectives
 * (tracking does not see it). No feedback is shown: a checked answer moves straight on.
 */
import type { ModuleSummary, QuestionText, QuizKey } from '../content/schema';
import { createQuizActor, quizSnapshotData, type QuizActor, type QuizContext, type QuizEvent, type QuizSnapshotData, type QuizStateName } from '../machines/quiz-machine';
import { pretestInteractionId, pretestKey } from '../machines/pretest';
import type { InteractionRecord } from '../lms/runtime';
import { answerInteraction } from './interactions';

export interface PretestView {
  state: QuizStateName;
  context: QuizContext;
}

export interface PretestHost {
  /** The learner's quiz seed of module m (the pre-test's draw follows from it). */
  seedOf(m: number): number | undefined;
  /** The question texts of module m in the current language, once loaded. */
  textsOf(m: number): Record<string, QuestionText> | undefined;
  record(interaction: InteractionRecord): void;
  /** Called after every pre-test step: save and render. */
  changed(): void;
}

export class PretestController {
  private readonly actors: Array<QuizActor | undefined>;

  constructor(
    private readonly modules: readonly ModuleSummary[],
    restored: ReadonlyArray<QuizSnapshotData | undefined> | undefined,
    private readonly host: PretestHost,
  ) {
    this.actors = modules.map((module, m) => {
      const seed = host.seedOf(m);
      const key = seed === undefined ? undefined : pretestKey(module.quiz, module.objectives.map((o) => o.id), seed);
      if (!key || seed === undefined) return undefined;
      return this.start(m, key, seed, restored?.[m]);
    });
  }

  private start(m: number, key: QuizKey, seed: number, restored: QuizSnapshotData | undefined): QuizActor {
    const module = this.modules[m]!;
    const actor = createQuizActor({ quiz: key, masteryScore: 0, seed, restored, now: Date.now() });
    actor.on('answered', (event) => {
      this.host.record(answerInteraction(pretestInteractionId(module.id, event.question.id), module.id, event, this.host.textsOf(m)?.[event.question.id]));
    });
    actor.subscribe((snapshot) => {
      // Ungraded: no feedback between questions.
      if (snapshot.value === 'feedback') actor.send({ type: 'question.next', at: Date.now() });
      else this.host.changed();
    });
    actor.start();
    return actor;
  }

  send(m: number, event: QuizEvent): void {
    this.actors[m]?.send(event);
  }

  /** What progress saves: one entry per module (undefined = no pre-test or not started). */
  data(): Array<QuizSnapshotData | undefined> {
    return this.actors.map((actor) => {
      if (!actor) return undefined;
      const snapshot = actor.getSnapshot();
      return snapshot.context.attempt > 0 ? quizSnapshotData(snapshot.value as QuizStateName, snapshot.context) : undefined;
    });
  }

  view(m: number): PretestView | undefined {
    const snapshot = this.actors[m]?.getSnapshot();
    return snapshot ? { state: snapshot.value as QuizStateName, context: snapshot.context } : undefined;
  }

  /** Under way: its questions' texts are needed on the module's first page. */
  inProgress(m: number): boolean {
    return this.view(m)?.state === 'answering';
  }

  /** Percent per objective once the pre-test is done. */
  objectiveScores(m: number): Record<string, number> | undefined {
    const view = this.view(m);
    return view?.state === 'review' ? view.context.countedObjectives : undefined;
  }
}
