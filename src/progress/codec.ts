/**
 * The suspend_data format: a compact, versioned text projection of the learner's progress,
 * tied to the content hash so that progress saved against other content is never misread.
 *
 *   F1|<contentHash>|<savedAt>|<language>|<module>.<page>|<seen pages of module 0>.<of module 1>...
 *     |<quiz of module 0>~<of module 1>...|<scenarios of module 0>~<of module 1>...
 *     |<knowledge-check answers of module 0>~<of module 1>...|<written-task answers of module 0>~<of module 1>...
 *
 * savedAt is the save time in seconds, base 36: the newer of the LMS's copy and the browser's
 * mirror wins at launch.
 * Seen pages are a bitmap, five pages per base-32 character, so even a 40-page module takes
 * eight characters; quizzes, scenarios and checks are written by quiz-codec.ts, scenario-codec.ts and check-codec.ts.
 * The check field ends with '.', so that data cut short is never mistaken for fewer answers. SCORM 1.2 allows 4,096 characters;
 * we stay far below.
 */
import type { Language, QuestionKey, QuizKey, ScenarioKey, TaskKey } from '../content/schema';
import { decodeChecks, encodeChecks, type CheckAnswers } from './check-codec';
import { decodeTasks, encodeTasks, type TaskAnswers } from './task-codec';
import type { Position } from '../machines/course-machine';
import type { QuizSnapshotData } from '../machines/quiz-machine';
import { decodeQuiz, encodeQuiz } from './quiz-codec';
import { decodeScenarios, encodeScenarios, type ScenarioProgress } from './scenario-codec';

/** What the codec needs to know of each module in scope. */
export interface CodecModule {
  pageIds: readonly string[];
  quiz?: QuizKey;
  scenarios: readonly ScenarioKey[];
  objectiveIds: readonly string[];
  /** The module's knowledge checks (their order is the order answers are saved in). */
  checks?: Record<string, QuestionKey>;
  /** The module's written tasks (their order is the order answers are saved in). */
  tasks?: readonly TaskKey[];
}

export const FORMAT_TAG = 'F1';

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
}

export type DecodeResult =
  | { status: 'restored'; progress: SavedProgress }
  | { status: 'empty' }
  /** Saved by another content version or an unknown format: start fresh and say so. */
  | { status: 'incompatible'; reason: string }
  | { status: 'corrupt'; reason: string };

const DIGITS = '0123456789abcdefghijklmnopqrstuv';

function encodeBits(bits: readonly boolean[]): string {
  let out = '';
  for (let i = 0; i < bits.length; i += 5) {
    let value = 0;
    for (let b = 0; b < 5 && i + b < bits.length; b++) if (bits[i + b]) value |= 1 << b;
    out += DIGITS[value];
  }
  return out;
}

function decodeBits(text: string, length: number): boolean[] | undefined {
  if (text.length !== Math.ceil(length / 5)) return undefined;
  const bits: boolean[] = [];
  for (let i = 0; i < text.length; i++) {
    const value = DIGITS.indexOf(text[i]!);
    if (value < 0) return undefined;
    for (let b = 0; b < 5 && bits.length < length; b++) bits.push((value & (1 << b)) !== 0);
  }
  return bits;
}

export function encodeProgress(progress: SavedProgress, contentHash: string, modules: readonly CodecModule[]): string {
  const { savedAt, language, position, visited, quizzes, scenarios, checks, tasks } = progress;
  return [
    FORMAT_TAG,
    contentHash,
    Math.floor(savedAt / 1000).toString(36),
    language,
    `${position.module}.${position.page}`,
    visited.map(encodeBits).join('.'),
    modules.map((m, i) => (m.quiz ? encodeQuiz(quizzes[i], m.quiz, m.objectiveIds) : '')).join('~'),
    modules.map((m, i) => encodeScenarios(scenarios[i] ?? [], m.scenarios)).join('~'),
    // The closing '.' lets a cut anywhere in the last field be told from complete data.
    `${modules.map((m, i) => encodeChecks(checks?.[i], m.checks)).join('~')}.`,
    modules.map((m, i) => encodeTasks(tasks?.[i], m.tasks)).join('~'),
  ].join('|');
}

/** The save time of a suspend_data string, without decoding the rest (undefined if not ours). */
export function savedAtOf(text: string): number | undefined {
  const parts = text.split('|');
  if (parts[0] !== FORMAT_TAG || !/^[0-9a-z]{1,9}$/.test(parts[2] ?? '')) return undefined;
  return parseInt(parts[2]!, 36) * 1000;
}

export function decodeProgress(text: string, contentHash: string, modules: readonly CodecModule[]): DecodeResult {
  if (!text) return { status: 'empty' };
  const parts = text.split('|');
  if (parts[0] !== FORMAT_TAG) return { status: 'incompatible', reason: 'unknown progress format' };
  if (parts.length !== 10) return { status: 'corrupt', reason: 'wrong number of fields' };
  const [, hash, savedText, language, positionText, visitedText, quizText, scenarioText, checkText, taskText] = parts as [string, string, string, string, string, string, string, string, string, string];
  if (hash !== contentHash) return { status: 'incompatible', reason: `saved for content ${hash}, this is ${contentHash}` };
  const savedAt = savedAtOf(text);
  if (savedAt === undefined || !savedText) return { status: 'corrupt', reason: 'bad save time' };
  if (language !== 'en' && language !== 'es') return { status: 'corrupt', reason: 'unknown language' };
  const positionMatch = /^(\d+)\.(\d+)$/.exec(positionText);
  if (!positionMatch) return { status: 'corrupt', reason: 'bad position' };
  const position = { module: Number(positionMatch[1]), page: Number(positionMatch[2]) };
  if (!modules[position.module] || position.page >= modules[position.module]!.pageIds.length) {
    return { status: 'corrupt', reason: 'position outside the course' };
  }
  const bitmaps = visitedText.split('.');
  if (bitmaps.length !== modules.length) return { status: 'corrupt', reason: 'wrong number of modules' };
  const visited: boolean[][] = [];
  for (let m = 0; m < modules.length; m++) {
    const bits = decodeBits(bitmaps[m]!, modules[m]!.pageIds.length);
    if (!bits) return { status: 'corrupt', reason: `bad page list for module ${m}` };
    visited.push(bits);
  }
  const quizTexts = quizText.split('~');
  if (quizTexts.length !== modules.length) return { status: 'corrupt', reason: 'wrong number of quizzes' };
  const quizzes: Array<QuizSnapshotData | undefined> = [];
  for (let m = 0; m < modules.length; m++) {
    const module = modules[m]!;
    const quiz = module.quiz ? decodeQuiz(quizTexts[m]!, module.quiz, module.objectiveIds) : quizTexts[m] === '' ? undefined : null;
    if (quiz === null) return { status: 'corrupt', reason: `bad quiz for module ${m}` };
    quizzes.push(quiz);
  }
  const scenarioTexts = scenarioText.split('~');
  if (scenarioTexts.length !== modules.length) return { status: 'corrupt', reason: 'wrong number of scenario lists' };
  const scenarios: Array<Array<ScenarioProgress | undefined>> = [];
  for (let m = 0; m < modules.length; m++) {
    const decodedScenarios = decodeScenarios(scenarioTexts[m]!, modules[m]!.scenarios);
    if (!decodedScenarios) return { status: 'corrupt', reason: `bad scenarios for module ${m}` };
    scenarios.push(decodedScenarios);
  }
  if (!checkText.endsWith('.')) return { status: 'corrupt', reason: 'check answers cut short' };
  const checkTexts = checkText.slice(0, -1).split('~');
  if (checkTexts.length !== modules.length) return { status: 'corrupt', reason: 'wrong number of check lists' };
  const checks: CheckAnswers[] = [];
  for (let m = 0; m < modules.length; m++) {
    const answers = decodeChecks(checkTexts[m]!, modules[m]!.checks);
    if (!answers) return { status: 'corrupt', reason: `bad check answers for module ${m}` };
    checks.push(answers);
  }
  const answered = checks.some((answers) => Object.keys(answers).length > 0);
  const taskTexts = taskText.split('~');
  if (taskTexts.length !== modules.length) return { status: 'corrupt', reason: 'wrong number of task lists' };
  const tasks: TaskAnswers[] = [];
  for (let m = 0; m < modules.length; m++) {
    const answers = decodeTasks(taskTexts[m]!, modules[m]!.tasks);
    if (!answers) return { status: 'corrupt', reason: `bad written tasks for module ${m}` };
    tasks.push(answers);
  }
  const written = tasks.some((answers) => Object.keys(answers).length > 0);
  return {
    status: 'restored',
    progress: { savedAt, language, position, visited, quizzes, scenarios, ...(answered ? { checks } : {}), ...(written ? { tasks } : {}) },
  };
}
