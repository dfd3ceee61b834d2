/**
 * One module's quiz in suspend_data, compactly:
 *   <state><attempt>,<seed>,<index>,<responses>,<last score>,<counted score>,<objective scores>
 * state is one letter (r ready, a answering, f feedback, v review); numbers are base 36;
 * responses are one token per drawn question, joined by ':' (empty = not answered yet), written
 * by position in the content's own order; scores are hundredths of a percent; objective scores
 * are whole percents in module.yaml order, '_' where the counted attempt had none.
 * A quiz not started yet keeps only its seed, `s<seed>`: the learner's own order of choices in
 * checks and scenarios comes from it, and must not change on resume.
 */
import type { QuestionKey, QuizKey } from '../content/schema';
import { questionById, type QuizSnapshotData, type QuizStateName } from '../machines/quiz-machine';
import { attemptSeed, drawQuestions, type Response } from '../machines/quiz-scoring';

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
    drawn.map((id, i) => encodeResponse(questionById(quiz, id), data.responses[i])).join(':'),
    encodeScore(data.lastScore),
    encodeScore(data.countedScore),
    objectiveIds.map((id) => (id in data.countedObjectives ? b36(Math.round(data.countedObjectives[id]!)) : '_')).join('/'),
  ].join(',');
}

/** undefined for "not started"; null when the text cannot be ours. */
export function decodeQuiz(text: string, quiz: QuizKey, objectiveIds: readonly string[]): QuizSnapshotData | undefined | null {
  if (text === '') return undefined;
  const seedOnly = /^s([0-9a-z]+)$/.exec(text);
  if (seedOnly) return { state: 'ready', seed: parseInt(seedOnly[1]!, 36), attempt: 0, index: 0, responses: [], countedObjectives: {} };
  const fields = text.split(',');
  if (fields.length !== 7) return null;
  const [head, seedText, indexText, responsesText, lastText, countedText, objectivesText] = fields as [string, string, string, string, string, string, string];
  const state = CODE_STATES[head[0] ?? ''];
  const attempt = fromB36(head.slice(1));
  const seed = fromB36(seedText);
  const index = fromB36(indexText);
  if (!state || !attempt || seed === undefined || index === undefined) return null;
  const drawn = drawQuestions(quiz.questions, quiz.draw, attemptSeed(seed, attempt));
  const tokens = responsesText.split(':');
  if (tokens.length !== drawn.length || index >= drawn.length) return null;
  const responses: Array<Response | undefined> = [];
  for (let i = 0; i < drawn.length; i++) {
    const response = decodeResponse(questionById(quiz, drawn[i]!), tokens[i]!);
    if (response === null) return null;
    responses.push(response);
  }
  const lastScore = decodeScore(lastText);
  const countedScore = decodeScore(countedText);
  if (lastScore === null || countedScore === null) return null;
  const objectiveTokens = objectivesText.split('/');
  if (objectiveTokens.length !== objectiveIds.length) return null;
  const countedObjectives: Record<string, number> = {};
  for (let i = 0; i < objectiveIds.length; i++) {
    if (objectiveTokens[i] === '_') continue;
    const value = fromB36(objectiveTokens[i]!);
    if (value === undefined || value > 100) return null;
    countedObjectives[objectiveIds[i]!] = value;
  }
  return { state, seed, attempt, index, responses, lastScore, countedScore, countedObjectives };
}
