/**
 * Written-task answers in suspend_data: per module, one token per task in tasks.yaml order:
 * '-' when not saved yet, else `<covered points mask>.<length>.<text>` (base 36), the text with
 * only '%', '|' and '~' escaped so that accents and punctuation cost nothing extra. The length
 * prefix makes any cut inside a text detectable. Each task keeps at most its maxLength characters,
 * escapes included (a text full of '|' keeps a third as many).
 */
import type { TaskKey } from '../content/schema';

export interface TaskAnswer {
  text: string;
  /** Which of the model answer's key points the learner says the answer covers. */
  covered: boolean[];
}

/** Task id → the answer the learner saved. */
export type TaskAnswers = Record<string, TaskAnswer>;

const escape = (text: string) => text.replace(/%/g, '%25').replace(/\|/g, '%7C').replace(/~/g, '%7E');
const unescape = (text: string) => text.replace(/%7E/g, '~').replace(/%7C/g, '|').replace(/%25/g, '%');
const b36 = (n: number) => n.toString(36);

export function encodeTasks(answers: TaskAnswers | undefined, tasks: readonly TaskKey[] = []): string {
  return tasks
    .map((task) => {
      const answer = answers?.[task.id];
      if (!answer) return '-';
      // maxLength bounds the stored text, escapes included, so the worst case stays within budget.
      let kept = answer.text.slice(0, task.maxLength);
      while (escape(kept).length > task.maxLength) kept = kept.slice(0, -1);
      const text = escape(kept);
      const mask = answer.covered.slice(0, task.points).reduce((m, on, i) => (on ? m | (1 << i) : m), 0);
      return `${b36(mask)}.${b36(text.length)}.${text}`;
    })
    .join('');
}

/** One saved task as written: null when it was not saved yet. */
export type TaskToken = { mask: number; text: string } | null;

/** Splits a module's task text into its tokens, without the content; null when it cannot be ours. */
export function parseTaskTokens(text: string): TaskToken[] | null {
  const tokens: TaskToken[] = [];
  let at = 0;
  while (at < text.length) {
    if (text[at] === '-') {
      tokens.push(null);
      at++;
      continue;
    }
    const head = /^([0-9a-z]+)\.([0-9a-z]+)\./.exec(text.slice(at));
    if (!head) return null;
    const length = parseInt(head[2]!, 36);
    const start = at + head[0].length;
    if (start + length > text.length) return null;
    tokens.push({ mask: parseInt(head[1]!, 36), text: unescape(text.slice(start, start + length)) });
    at = start + length;
  }
  return tokens;
}

/** Fits parsed tokens to this module's tasks; null when they do not fit (other tasks, other points). */
export function fitTasks(tokens: readonly TaskToken[], tasks: readonly TaskKey[] = []): TaskAnswers | null {
  if (tokens.length !== tasks.length) return tokens.every((t) => t === null) && tasks.length === 0 ? {} : null;
  const answers: TaskAnswers = {};
  for (let i = 0; i < tasks.length; i++) {
    const token = tokens[i];
    const task = tasks[i]!;
    if (!token) continue;
    if (token.mask >= 1 << task.points || token.text.length > task.maxLength) return null;
    answers[task.id] = { text: token.text, covered: Array.from({ length: task.points }, (_, p) => (token.mask & (1 << p)) !== 0) };
  }
  return answers;
}

/** The answers, or null when the text cannot be ours. */
export function decodeTasks(text: string, tasks: readonly TaskKey[] = []): TaskAnswers | null {
  const tokens = parseTaskTokens(text);
  return tokens && fitTasks(tokens, tasks);
}
