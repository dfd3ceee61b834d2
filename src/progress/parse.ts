/**
 * Reading a suspend_data text (the format is described in codec.ts) without the content: which
 * modules, pages, quizzes and scenarios it names, by their structure keys. The first view is
 * drawn from this alone (first-view.ts); migration.ts fits the rest to the content.
 */
import type { Language } from '../content/schema';
import { parseTaskTokens, type TaskToken } from './task-codec';
import { KEY_LENGTH } from './structure-keys';

export const FORMAT_TAG = 'F2';

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
