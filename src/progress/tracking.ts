/**
 * What the LMS should hold, derived from the learner's progress and the course content:
 * completion, success, score and one objective per learning objective. Pure; the LMS session
 * writes it. In the single-SCO course package the modules roll up into one record.
 */
import type { CourseIndex, Language, ModuleSummary } from '../content/schema';
import { isModuleComplete, type CourseContext } from '../machines/course-navigation';
import type { QuizSnapshotData } from '../machines/quiz-state';
import type { ObjectiveRecord, Success } from '../lms/runtime';
import type { StateToSave } from '../lms/session';
import type { ScenarioProgress } from './scenario-codec';

export interface TrackingInput {
  context: CourseContext;
  modules: readonly ModuleSummary[];
  /** Each module's quiz, aligned with `modules`. */
  quizzes: ReadonlyArray<QuizSnapshotData | undefined>;
  /** Each module's scenarios, aligned with `modules` and their scenario keys. */
  scenarios: ReadonlyArray<ReadonlyArray<ScenarioProgress | undefined>>;
  location: string;
  suspendData: string;
  language: Language;
  /** The percent each module's quiz needs (the LMS's mastery score when it gave one). */
  masteryScores: readonly number[];
  scoreRollup: CourseIndex['scoreRollup'];
}

export function objectiveId(moduleId: string, objectiveId: string): string {
  return `${moduleId}.${objectiveId}`;
}

interface ModuleOutcome {
  complete: boolean;
  success: Success;
  score?: number;
  done: boolean;
}

export function trackingState(input: TrackingInput): StateToSave {
  const { context, modules, quizzes, language, masteryScores } = input;
  const finishedScenario = (m: number, i: number) => input.scenarios[m]?.[i]?.bestPercent !== undefined;
  const outcomes: ModuleOutcome[] = modules.map((module, m) => {
    // Complete: every page seen and every scenario played to an ending at least once.
    const complete = isModuleComplete(context, m) && module.scenarios.every((_, i) => finishedScenario(m, i));
    const score = quizzes[m]?.countedScore;
    const success: Success = !module.quiz || score === undefined ? 'unknown' : score >= masteryScores[m]! ? 'passed' : 'failed';
    return { complete, success, score, done: complete && (!module.quiz || score !== undefined) };
  });

  const objectives: ObjectiveRecord[] = modules.flatMap((module, m) =>
    module.objectives.map((objective) => {
      // The quiz's score on the objective and the best score of each finished scenario serving it.
      const sources = [
        quizzes[m]?.countedObjectives[objective.id],
        ...module.scenarios.map((scenario, i) => (scenario.objectives.includes(objective.id) ? input.scenarios[m]?.[i]?.bestPercent : undefined)),
      ].filter((v): v is number => v !== undefined);
      const percent = sources.length ? Math.round((sources.reduce((a, b) => a + b, 0) / sources.length) * 100) / 100 : undefined;
      return {
        id: objectiveId(module.id, objective.id),
        description: objective.text[language],
        completion: outcomes[m]!.complete ? ('completed' as const) : ('incomplete' as const),
        success: percent === undefined ? ('unknown' as const) : percent >= masteryScores[m]! ? ('passed' as const) : ('failed' as const),
        ...(percent === undefined ? {} : { scorePercent: percent }),
      };
    }),
  );

  // One module: its own outcome. Several (single-SCO course): passed when every quiz is passed,
  // failed once every quiz is taken and one is not, scored as course.yaml says.
  const graded = outcomes.filter((_, m) => modules[m]!.quiz);
  const allTaken = graded.length > 0 && graded.every((o) => o.score !== undefined);
  const success: Success = !allTaken ? 'unknown' : graded.every((o) => o.success === 'passed') ? 'passed' : 'failed';
  const scores = graded.map((o) => o.score!);
  const scorePercent = !allTaken
    ? undefined
    : input.scoreRollup === 'minimum'
      ? Math.min(...scores)
      : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
  const complete = outcomes.every((o) => o.complete);
  return {
    finished: outcomes.every((o) => o.done),
    location: input.location,
    suspendData: input.suspendData,
    completion: complete ? 'completed' : 'incomplete',
    success,
    ...(scorePercent === undefined ? {} : { scorePercent }),
    objectives,
  };
}
