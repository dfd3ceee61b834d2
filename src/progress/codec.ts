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
import { encodeTasks, parseTaskTokens, type TaskAnswers, type TaskToken } from './task-codec';
import type { Position } from '../machines/course-navigation';
import type { QuizSnapshotData } from '../machines/quiz-state';
import { encodeQuiz } from './quiz-codec';
import { encodeScenarios, type ScenarioProgress } from './scenario-codec';
import { KEY_LENGTH, moduleKey, pageKey, quizKey, scenarioKey } from './structure-keys';
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

export const FORMAT_TAG = 'F2';

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

/** One module's record as saved, before it is fitted to the content. */
export interface ParsedModule {
  key: string;
  pages: string[];
  quiz?: { key: string; text: string };
  scenarios: Array<{ key: string; text: string }>;
  /** The check answers as saved (check-codec.ts text), and the written tasks' tokens. */
  checks?: string;
  tasks?: TaskToken[];
  /** The pre-test as saved: the quiz key it was drawn for, then the quiz codec's text ('' = none). */
  pretest?: string;
}

export interface ParsedProgress {
  savedAt: number;
  language: Language;
  position: { module: string; page: string };
  modules: ParsedModule[];
}

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

/** The save time of a suspend_data string, without decoding the rest (undefined if not ours). */
export function savedAtOf(text: string): number | undefined {
  const parts = text.split('|');
  if ((parts[0] !== FORMAT_TAG && parts[0] !== 'F1') || !/^[0-9a-z]{1,9}$/.test(parts[2] ?? '')) return undefined;
  return parseInt(parts[2]!, 36) * 1000;
}

const KEYS = new RegExp(`^(?:[0-9a-z]{${KEY_LENGTH}})*$`);
const splitKeys = (text: string) => text.match(new RegExp(`.{${KEY_LENGTH}}`, 'g')) ?? [];

/** Reads an F2 text without the content; a string says why it is not a valid one. */
export function parseProgress(text: string): ParsedProgress | string {
  const parts = text.split('|');
  if (parts.length < 10) return 'wrong number of fields';
  const [, keysText, savedText, language, positionText, pagesText, quizText, scenarioText, checkText, taskText] = parts as [string, string, string, string, string, string, string, string, string?, string?];
  const savedAt = savedAtOf(text);
  if (savedAt === undefined) return 'bad save time';
  if (language !== 'en' && language !== 'es') return 'unknown language';
  if (!/^[0-9a-z]{6}$/.test(positionText)) return 'bad position';
  const keys = keysText.split('.');
  const pages = pagesText.split('.');
  const quizzes = quizText.split('~');
  const scenarios = scenarioText.split('~');
  const pretests = parts[10]?.split('~');
  if (pretests && pretests.length !== keys.length) return 'wrong number of pre-tests';
  if (keys.some((k) => !/^[0-9a-z]{3}$/.test(k)) || new Set(keys).size !== keys.length) return 'bad module keys';
  if ([pages, quizzes, scenarios].some((list) => list.length !== keys.length)) return 'wrong number of modules';
  // This build always writes fields 9 and 10 (check answers, written tasks): a text without them was cut.
  if (checkText === undefined || !checkText.endsWith('.')) return 'check answers cut short';
  const checks = checkText.slice(0, -1).split('~');
  const tasks = taskText?.split('~').map(parseTaskTokens);
  if (taskText === undefined || !tasks) return 'written tasks cut short';
  if (checks.length !== keys.length || tasks.length !== keys.length) return 'wrong number of modules';
  if (tasks?.some((t) => t === null)) return 'bad written tasks';
  const modules: ParsedModule[] = [];
  for (let m = 0; m < keys.length; m++) {
    if (!KEYS.test(pages[m]!)) return `bad page list for module ${m}`;
    const quiz = quizzes[m]!;
    if (quiz !== '' && quiz.length <= KEY_LENGTH) return `bad quiz for module ${m}`;
    const entries = scenarios[m] === '' ? [] : scenarios[m]!.split(',');
    if (entries.some((e) => e.length <= KEY_LENGTH)) return `bad scenarios for module ${m}`;
    modules.push({
      key: keys[m]!,
      pages: splitKeys(pages[m]!),
      ...(quiz === '' ? {} : { quiz: { key: quiz.slice(0, KEY_LENGTH), text: quiz.slice(KEY_LENGTH) } }),
      scenarios: entries.map((e) => ({ key: e.slice(0, KEY_LENGTH), text: e.slice(KEY_LENGTH) })),
      checks: checks[m]!,
      tasks: tasks[m]!,
      ...(pretests?.[m] ? { pretest: pretests[m] } : {}),
    });
  }
  return { savedAt, language, position: { module: positionText.slice(0, KEY_LENGTH), page: positionText.slice(KEY_LENGTH) }, modules };
}
