/**
 * The suspend_data format: a compact, versioned text projection of the learner's progress, keyed
 * by the structure it refers to (structure-keys.ts) rather than by one hash of all content, so
 * that migration.ts can carry it over to edited content wherever it still fits:
 *
 *   F2|<module keys>|<savedAt>|<language>|<module key><page key>
 *     |<seen page keys of module 0>.<of module 1>...|<quiz of module 0>~...|<scenarios of module 0>~...
 *     [|<pre-test of module 0>~...]   (only once a pre-test has started; pretest-codec.ts)
 *
 * Module keys are joined by '.', and the later fields list modules in that order. savedAt is the
 * save time in seconds, base 36: the newer of the LMS's copy and the browser's mirror wins at
 * launch. A module's seen pages are their keys, three characters each. A quiz is its draw key
 * then quiz-codec.ts's text; each scenario is its graph key then scenario-codec.ts's text, joined
 * by ','. Fields after the eighth are for later additions: this version ignores them, so a new
 * field goes at the end. The ninth holds knowledge-check answers (check-codec.ts), modules joined
 * by '~' and the field closed by '.' so that a cut is never read as fewer answers; the tenth the
 * written-task answers (task-codec.ts), length-prefixed. SCORM 1.2 allows 4,096 characters; we stay far below (`npm run bench`).
 */
import type { Language, QuestionKey, QuizKey, ScenarioKey, TaskKey } from '../content/schema';
import { encodeChecks, type CheckAnswers } from './check-codec';
import { encodeTasks, type TaskAnswers } from './task-codec';
import type { Position } from '../machines/course-navigation';
import type { QuizSnapshotData } from '../machines/quiz-state';
import { encodeQuiz } from './quiz-codec';
import { encodeScenarios, type ScenarioProgress } from './scenario-codec';
import { moduleKey, pageKey, quizKey, scenarioKey } from './structure-keys';
import { FORMAT_TAG } from './parse';
import { encodePretest } from './pretest-codec';

/** What the codec needs to know of each module in scope. */
export interface CodecModule {
  id: string;
  pageIds: readonly string[];
  quiz?: QuizKey;
  scenarios: readonly ScenarioKey[];
  objectiveIds: readonly string[];
  /** The module's knowledge checks (their order is the order answers are saved in). */
  checks?: Record<string, QuestionKey>;
  /** The module's written tasks (their order is the order answers are saved in). */
  tasks?: readonly TaskKey[];
}

export interface SavedProgress {
  /** When it was saved, ms since 1970 (kept to the second). */
  savedAt: number;
  language: Language;
  position: Position;
  visited: boolean[][];
  /** Each module's quiz, aligned with the modules in scope (undefined = not started or none). */
  quizzes: Array<QuizSnapshotData | undefined>;
  /** Each module's scenarios, aligned with the modules in scope and their scenario keys. */
  scenarios: Array<Array<ScenarioProgress | undefined>>;
  /** Each module's knowledge-check answers; absent when no check has been answered. */
  checks?: CheckAnswers[];
  /** Each module's saved written-task answers; absent when none has been saved. */
  tasks?: TaskAnswers[];
  /** Each module's ungraded pre-test, aligned with the modules in scope (undefined = not started). */
  pretests?: Array<QuizSnapshotData | undefined>;
}

export type DecodeResult =
  /** dropped: what was saved but no longer fits the content (empty when everything fit). */
  | { status: 'restored'; progress: SavedProgress; dropped: string[] }
  | { status: 'empty' }
  /** An unknown format, or positions saved for other content: nothing can be read. */
  | { status: 'incompatible'; reason: string }
  | { status: 'corrupt'; reason: string };

export function encodeProgress(progress: SavedProgress, modules: readonly CodecModule[]): string {
  const { savedAt, language, position, visited, quizzes, scenarios, checks, tasks, pretests = [] } = progress;
  // The pre-tests' field (the eleventh) is written only once one has started.
  const pretestField = pretests.some((p) => p && p.attempt > 0) ? [modules.map((m, i) => encodePretest(pretests[i], m)).join('~')] : [];
  const here = modules[position.module]!;
  return [
    FORMAT_TAG,
    modules.map((m) => moduleKey(m.id)).join('.'),
    Math.floor(savedAt / 1000).toString(36),
    language,
    moduleKey(here.id) + pageKey(here.pageIds[position.page]!),
    modules.map((m, i) => m.pageIds.filter((_, p) => visited[i]?.[p]).map(pageKey).join('')).join('.'),
    modules.map((m, i) => (m.quiz && quizzes[i] ? quizKey(m.quiz) + encodeQuiz(quizzes[i], m.quiz, m.objectiveIds) : '')).join('~'),
    modules
      .map((m, i) => m.scenarios.flatMap((key, s) => (scenarios[i]?.[s] ? [scenarioKey(key) + encodeScenarios([scenarios[i]![s]], [key])] : [])).join(','))
      .join('~'),
    `${modules.map((m, i) => encodeChecks(checks?.[i], m.checks)).join('~')}.`,
    modules.map((m, i) => encodeTasks(tasks?.[i], m.tasks)).join('~'),
    ...pretestField,
  ].join('|');
}
