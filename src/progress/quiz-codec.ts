/**
 * One module's quiz in suspend_data, compactly:
 *   <state><attempt>,<seed>,<index>,<responses>,<last score>,<counted score>,<objective scores>
 * state is one letter (r ready, a answering, f feedback, v review); numbers are base 36;
 * responses are one token per drawn question, joined by ':' (empty = not answered yet), each the
 * question's structure key (structure-keys.ts) then the answer by position in the content's own
 * order, so an answer can be carried to new content where its question still exists; scores are
 * hundredths of a percent; objective scores are the objective's key and a whole percent, joined
 * by '/', for the objectives the counted attempt had.
 * A quiz not started yet keeps only its seed, `s<seed>`: the learner's own order of choices in
 * checks and scenarios comes from it, and must not change on resume.
 */
import type { QuestionKey, QuizKey } from '../content/schema';
import { questionById, type QuizSnapshotData, type QuizStateName } from '../machines/quiz-state';
import { attemptSeed, drawQuestions, type Response } from '../machines/quiz-scoring';
import { KEY_LENGTH, objectiveKey, questionKey } from './structure-keys';

const STATE_CODES: Record<QuizStateName, string> = { ready: 'r', answering: 'a', feedback: 'f', review: 'v' };
const CODE_STATES = Object.fromEntries(Object.entries(STATE_CODES).map(([state, code]) => [code, state])) as Record<string, QuizStateName>;

const b36 = (n: number) => n.toString(36);
const fromB36 = (text: string): number | undefined => (/^[0-9a-z]+$/.test(text) ? parseInt(text, 36) : undefined);

export function encodeResponse(question: QuestionKey, response: Response | undefined): string {
  if (!response) return '';
  switch (question.type) {
    case 'single-choice':
      return b36(question.options.indexOf((response as Extract<Response, { type: 'single-choice' }>).option));
    case 'multiple-response': {
      const chosen = (response as Extract<Response, { type: 'multiple-response' }>).options;
      return b36(question.options.reduce((mask, id, i) => (chosen.includes(id) ? mask | (1 << i) : mask), 0));
    }
    case 'true-false':
      return (response as Extract<Response, { type: 'true-false' }>).value ? 't' : 'f';
    case 'ordering':
      return (response as Extract<Response, { type: 'ordering' }>).order.map((id) => b36(question.items.indexOf(id))).join('');
    case 'matching': {
      const pairs = (response as Extract<Response, { type: 'matching' }>).pairs;
      return question.sources.map((s) => (pairs[s] ? b36(question.targets.indexOf(pairs[s]!)) : '_')).join('');
    }
  }
}

export function decodeResponse(question: QuestionKey, token: string): Response | undefined | null {
  if (token === '') return undefined;
  const at = <T>(list: readonly T[], code: string): T | undefined => {
    const index = fromB36(code);
    return index === undefined ? undefined : list[index];
  };
  switch (question.type) {
    case 'single-choice': {
      const option = at(question.options, token);
      return option ? { type: 'single-choice', option } : null;
    }
    case 'multiple-response': {
      const mask = fromB36(token);
      if (mask === undefined || mask >= 1 << question.options.length) return null;
      return { type: 'multiple-response', options: question.options.filter((_, i) => mask & (1 << i)) };
    }
    case 'true-false':
      return token === 't' || token === 'f' ? { type: 'true-false', value: token === 't' } : null;
    case 'ordering': {
      const order = [...token].map((c) => at(question.items, c));
      if (order.length !== question.items.length || order.some((id) => !id) || new Set(order).size !== order.length) return null;
      return { type: 'ordering', order: order as string[] };
    }
    case 'matching': {
      if (token.length !== question.sources.length) return null;
      const pairs: Record<string, string> = {};
      for (let i = 0; i < token.length; i++) {
        if (token[i] === '_') continue;
        const target = at(question.targets, token[i]!);
        if (!target) return null;
        pairs[question.sources[i]!] = target;
      }
      return { type: 'matching', pairs };
    }
  }
}

const encodeScore = (score: number | undefined) => (score === undefined ? '' : b36(Math.round(score * 100)));
const decodeScore = (text: string): number | undefined | null => {
  if (text === '') return undefined;
  const value = fromB36(text);
  return value === undefined || value > 10000 ? null : value / 100;
};

export function encodeQuiz(data: QuizSnapshotData | undefined, quiz: QuizKey, objectiveIds: readonly string[]): string {
  if (!data) return '';
  if (data.attempt === 0) return `s${b36(data.seed)}`;
  const drawn = drawQuestions(quiz.questions, quiz.draw, attemptSeed(data.seed, data.attempt));
  return [
    `${STATE_CODES[data.state]}${b36(data.attempt)}`,
    b36(data.seed),
    b36(data.index),
    drawn
      .map((id, i) => {
        const question = questionById(quiz, id);
        return data.responses[i] ? questionKey(question) + encodeResponse(question, data.responses[i]) : '';
      })
      .join(':'),
    encodeScore(data.lastScore),
    encodeScore(data.countedScore),
    objectiveIds.flatMap((id) => (id in data.countedObjectives ? [objectiveKey(id) + b36(Math.round(data.countedObjectives[id]!))] : [])).join('/'),
  ].join(',');
}

/** A quiz record read without the content: what migration.ts needs to carry answers over. */
export interface ParsedQuiz {
  state: QuizStateName;
  seed: number;
  attempt: number;
  index: number;
  /** Per drawn position: the question's structure key and the answer's token, or undefined. */
  answers: Array<{ key: string; token: string } | undefined>;
  lastScore?: number;
  countedScore?: number;
  /** Whole percents by objective key. */
  objectives: Map<string, number>;
}

/** undefined for "not started"; null when the text cannot be ours. */
export function parseQuiz(text: string): ParsedQuiz | undefined | null {
  if (text === '') return undefined;
  const seedOnly = /^s([0-9a-z]+)$/.exec(text);
  if (seedOnly) return { state: 'ready', seed: parseInt(seedOnly[1]!, 36), attempt: 0, index: 0, answers: [], objectives: new Map() };
  const fields = text.split(',');
  if (fields.length !== 7) return null;
  const [head, seedText, indexText, responsesText, lastText, countedText, objectivesText] = fields as [string, string, string, string, string, string, string];
  const state = CODE_STATES[head[0] ?? ''];
  const attempt = fromB36(head.slice(1));
  const seed = fromB36(seedText);
  const index = fromB36(indexText);
  if (!state || !attempt || seed === undefined || index === undefined) return null;
  const answers: ParsedQuiz['answers'] = [];
  for (const token of responsesText.split(':')) {
    if (token !== '' && token.length <= KEY_LENGTH) return null;
    answers.push(token === '' ? undefined : { key: token.slice(0, KEY_LENGTH), token: token.slice(KEY_LENGTH) });
  }
  if (index >= answers.length) return null;
  const lastScore = decodeScore(lastText);
  const countedScore = decodeScore(countedText);
  if (lastScore === null || countedScore === null) return null;
  const objectives = new Map<string, number>();
  for (const entry of objectivesText === '' ? [] : objectivesText.split('/')) {
    const value = fromB36(entry.slice(KEY_LENGTH));
    if (entry.length <= KEY_LENGTH || value === undefined || value > 100) return null;
    objectives.set(entry.slice(0, KEY_LENGTH), value);
  }
  return {
    state,
    seed,
    attempt,
    index,
    answers,
    ...(lastScore === undefined ? {} : { lastScore }),
    ...(countedScore === undefined ? {} : { countedScore }),
    objectives,
  };
}

/** The counted objective scores that belong to objectives this module still has. */
export function objectivesOf(parsed: ParsedQuiz, objectiveIds: readonly string[]): Record<string, number> {
  return Object.fromEntries(objectiveIds.flatMap((id) => (parsed.objectives.has(objectiveKey(id)) ? [[id, parsed.objectives.get(objectiveKey(id))!]] : [])));
}

/**
 * A quiz saved against this very quiz (same draw and questions): undefined for "not started";
 * null when the text cannot be ours.
 */
export function decodeQuiz(text: string, quiz: QuizKey, objectiveIds: readonly string[]): QuizSnapshotData | undefined | null {
  const parsed = parseQuiz(text);
  return parsed ? quizFromParsed(parsed, quiz, objectiveIds) : parsed;
}

/** A parsed quiz whose answers stand where this quiz's draw puts them; null when they do not. */
export function quizFromParsed(parsed: ParsedQuiz, quiz: QuizKey, objectiveIds: readonly string[]): QuizSnapshotData | null {
  const { state, seed, attempt, index, lastScore, countedScore } = parsed;
  const base = { state, seed, attempt, index, ...(lastScore === undefined ? {} : { lastScore }), ...(countedScore === undefined ? {} : { countedScore }) };
  if (attempt === 0) return { ...base, responses: [], countedObjectives: {} };
  const drawn = drawQuestions(quiz.questions, quiz.draw, attemptSeed(seed, attempt));
  if (parsed.answers.length !== drawn.length) return null;
  const responses: Array<Response | undefined> = [];
  for (let i = 0; i < drawn.length; i++) {
    const question = questionById(quiz, drawn[i]!);
    const answer = parsed.answers[i];
    const response = answer && answer.key === questionKey(question) ? decodeResponse(question, answer.token) : answer ? null : undefined;
    if (response === null) return null;
    responses.push(response);
  }
  return { ...base, responses, countedObjectives: objectivesOf(parsed, objectiveIds) };
}
