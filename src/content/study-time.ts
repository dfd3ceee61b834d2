/**
 * Build-time estimates a trainee sees: minutes per page (from the words a page really holds)
 * and, for each quiz question, the page that teaches it (so the review can link back).
 */
import type { CompiledPage, QuestionKey } from './schema.ts';

/** Reading speed for officials reading carefully, often in a second language. */
export const WORDS_PER_MINUTE = 180;
/** Time to answer and read the feedback of one ungraded knowledge check. */
export const MINUTES_PER_CHECK = 1;

function plainText(page: CompiledPage): string {
  return page.blocks.map((block) => ('html' in block ? block.html.replace(/<[^>]+>/g, ' ') : '')).join(' ');
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Whole minutes, at least one, to read a page and answer its checks. */
export function pageMinutes(page: CompiledPage): number {
  const checks = page.blocks.filter((block) => 'check' in block).length;
  return Math.max(1, Math.round(wordCount(plainText(page)) / WORDS_PER_MINUTE + checks * MINUTES_PER_CHECK));
}

/** Minutes for a scenario: reading and deciding each scene on its longest path, and the debrief. */
export function scenarioMinutes(decisions: number): number {
  return 2 + decisions * 2;
}

/** Minutes for a quiz of `questions` questions, feedback included. */
export function quizMinutes(questions: number): number {
  return Math.max(1, Math.round(questions * 1.2));
}

/** Each page's mentions of "Guideline 4", "Guidelines 2 and 3", "Directrices 9 y 10" and "(G12)". */
export function guidelinesMentioned(text: string): number[] {
  const found: number[] = [];
  const pattern = /\b(?:Guidelines?|Directri(?:z|ces)|G)\s*((?:\d{1,2}(?:\s*(?:,|and|y|–|-|to|a)\s*)?)+)/g;
  for (const match of text.matchAll(pattern)) {
    const numbers = match[1]!.match(/\d{1,2}/g)!.map(Number);
    const range = /–|-|\bto\b|\ba\b/.test(match[1]!) && numbers.length === 2;
    const listed = range ? Array.from({ length: numbers[1]! - numbers[0]! + 1 }, (_, i) => numbers[0]! + i) : numbers;
    found.push(...listed.filter((n) => n >= 1 && n <= 15));
  }
  return found;
}

/**
 * The page that teaches a question: the one whose text mentions the question's Guidelines most
 * often; a question on the Initiative itself (no Guideline) goes to the page with a knowledge check
 * on the same objective, or else the first page after the course opening.
 */
export function teachingPages(questions: readonly QuestionKey[], pages: readonly CompiledPage[], checks: Record<string, QuestionKey>): Record<string, string> {
  const mentions = pages.map((page) => guidelinesMentioned(plainText(page)));
  const result: Record<string, string> = {};
  for (const question of questions) {
    let best = -1;
    let bestScore = 0;
    mentions.forEach((found, i) => {
      const score = found.filter((n) => question.guidelines.includes(n)).length;
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    if (best < 0) {
      best = pages.findIndex((page) => page.blocks.some((block) => 'check' in block && checks[block.check]?.objective === question.objective));
    }
    const page = pages[best >= 0 ? best : Math.min(1, pages.length - 1)];
    if (page) result[question.id] = page.id;
  }
  return result;
}
