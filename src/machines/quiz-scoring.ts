/**
 * Pure quiz logic shared by the quiz machine and its tests: seeded shuffling (so a resumed quiz
 * looks the same), responses, and scoring with partial credit where the content allows it.
 */
import type { QuestionKey } from '../content/schema';

export type Response =
  | { type: 'single-choice'; option: string }
  | { type: 'multiple-response'; options: string[] }
  | { type: 'true-false'; value: boolean }
  | { type: 'ordering'; order: string[] }
  | { type: 'matching'; pairs: Record<string, string> };

/** mulberry32: small, fast and good enough to shuffle answer options reproducibly. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashString(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const next = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The seed of attempt n (1-based), derived from the quiz's first seed. */
export function attemptSeed(seed: number, attempt: number): number {
  return hashString(`${seed}:${attempt}`);
}

/** The order in which a question's options, items or targets are shown in an attempt. */
export function presentationOrder(question: QuestionKey, seed: number): string[] {
  const mix = (seed ^ hashString(question.id)) >>> 0;
  switch (question.type) {
    case 'single-choice':
    case 'multiple-response':
      return shuffled(question.options, mix);
    case 'ordering': {
      // Never start an ordering question already in the right order.
      let order = shuffled(question.items, mix);
      for (let k = 1; order.every((id, i) => id === question.items[i]) && k < 10; k++) order = shuffled(question.items, mix + k);
      return order;
    }
    case 'matching':
      return shuffled(question.targets, mix);
    case 'true-false':
      return ['true', 'false'];
  }
}

/** Which questions an attempt asks, in order: a seeded draw of `count` from the bank. */
export function drawQuestions(questions: readonly QuestionKey[], count: number, seed: number): string[] {
  return shuffled(
    questions.map((q) => q.id),
    seed,
  ).slice(0, count);
}

/** A response is complete when every part of the question has been answered. */
export function isComplete(question: QuestionKey, response: Response | undefined): boolean {
  if (!response || response.type !== question.type) return false;
  switch (response.type) {
    case 'single-choice':
      return response.option !== '';
    case 'multiple-response':
      return response.options.length > 0;
    case 'true-false':
      return true;
    case 'ordering':
      return response.order.length === (question as Extract<QuestionKey, { type: 'ordering' }>).items.length;
    case 'matching':
      return (question as Extract<QuestionKey, { type: 'matching' }>).sources.every((s) => !!response.pairs[s]);
  }
}

/** Score of one response, 0 to 1. */
export function scoreResponse(question: QuestionKey, response: Response): number {
  if (response.type !== question.type) return 0;
  switch (question.type) {
    case 'single-choice':
      return (response as Extract<Response, { type: 'single-choice' }>).option === question.answer ? 1 : 0;
    case 'true-false':
      return (response as Extract<Response, { type: 'true-false' }>).value === question.answer ? 1 : 0;
    case 'multiple-response': {
      const chosen = new Set((response as Extract<Response, { type: 'multiple-response' }>).options);
      const right = question.answers.filter((a) => chosen.has(a)).length;
      const wrong = [...chosen].filter((c) => !question.answers.includes(c)).length;
      if (right === question.answers.length && wrong === 0) return 1;
      return question.partialCredit ? Math.max(0, (right - wrong) / question.answers.length) : 0;
    }
    case 'ordering': {
      const order = (response as Extract<Response, { type: 'ordering' }>).order;
      const inPlace = question.items.filter((id, i) => order[i] === id).length;
      if (inPlace === question.items.length) return 1;
      return question.partialCredit ? inPlace / question.items.length : 0;
    }
    case 'matching': {
      const pairs = (response as Extract<Response, { type: 'matching' }>).pairs;
      const right = question.sources.filter((s) => pairs[s] === question.answer[s]).length;
      if (right === question.sources.length) return 1;
      return question.partialCredit ? right / question.sources.length : 0;
    }
  }
}

/** The correct response, for feedback, review and the LMS's correct-response pattern. */
export function correctResponse(question: QuestionKey): Response {
  switch (question.type) {
    case 'single-choice':
      return { type: question.type, option: question.answer };
    case 'multiple-response':
      return { type: question.type, options: [...question.answers] };
    case 'true-false':
      return { type: question.type, value: question.answer };
    case 'ordering':
      return { type: question.type, order: [...question.items] };
    case 'matching':
      return { type: question.type, pairs: { ...question.answer } };
  }
}

export function roundPercent(value: number): number {
  return Math.round(value * 100) / 100;
}
