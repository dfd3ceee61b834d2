/**
 * The suspend_data format: a compact, versioned text projection of the learner's progress,
 * tied to the content hash so that progress saved against other content is never misread.
 *
 *   F1|<contentHash>|<savedAt>|<language>|<module>.<page>|<seen pages of module 0>.<of module 1>...
 *     |<quiz of module 0>~<of module 1>...|<scenarios of module 0>~<of module 1>...
 *     |<pre-test of module 0>~<of module 1>...
 *
 * savedAt is the save time in seconds, base 36: the newer of the LMS's copy and the browser's
 * mirror wins at launch.
 * Seen pages are a bitmap, five pages per base-32 character, so even a 40-page module takes
 * eight characters; quizzes and scenarios are written by quiz-codec.ts and scenario-codec.ts. SCORM 1.2 allows 4,096 characters;
 * we stay far below.
 */
import type { Language, QuizKey, ScenarioKey } from '../content/schema';
import type { Position } from '../machines/course-machine';
import type { QuizSnapshotData } from '../machines/quiz-machine';
import { decodeQuiz, encodeQuiz } from './quiz-codec';
import { decodeScenarios, encodeScenarios, type ScenarioProgress } from './scenario-codec';
import { decodePretests, encodePretests } from './pretest-codec';

/** What the codec needs to know of each module in scope. */
export interface CodecModule {
  pageIds: readonly string[];
  quiz?: QuizKey;
  scenarios: readonly ScenarioKey[];
  objectiveIds: readonly string[];
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
  /** Each module's ungraded pre-test, aligned with the modules in scope (undefined = not started). */
  pretests?: Array<QuizSnapshotData | undefined>;
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
  const { savedAt, language, position, visited, quizzes, scenarios, pretests = [] } = progress;
  // The pre-tests' field is written only once one has started.
  const pretestText = pretests.some((p) => p && p.attempt > 0) ? [encodePretests(pretests, modules)] : [];
  return [
    FORMAT_TAG,
    contentHash,
    Math.floor(savedAt / 1000).toString(36),
    language,
    `${position.module}.${position.page}`,
    visited.map(encodeBits).join('.'),
    modules.map((m, i) => (m.quiz ? encodeQuiz(quizzes[i], m.quiz, m.objectiveIds) : '')).join('~'),
    modules.map((m, i) => encodeScenarios(scenarios[i] ?? [], m.scenarios)).join('~'),
    ...pretestText,
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
  // With no pre-test started there is no ninth field.
  if (parts.length !== 8 && parts.length !== 9) return { status: 'corrupt', reason: 'wrong number of fields' };
  const [, hash, savedText, language, positionText, visitedText, quizText, scenarioText] = parts as [string, string, string, string, string, string, string, string];
  const pretestText = parts[8];
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
  const pretests = pretestText === undefined ? undefined : decodePretests(pretestText, modules);
  if (pretests === null) return { status: 'corrupt', reason: 'bad pre-tests' };
  return { status: 'restored', progress: { savedAt, language, position, visited, quizzes, scenarios, ...(pretests ? { pretests } : {}) } };
}
