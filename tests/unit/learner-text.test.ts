/** What a learner reads: percentages, durations and Guideline lists as people write them in each language. */
import { describe, expect, it } from 'vitest';
import { formatMinutes, formatPercent, guidelineList } from '../../src/i18n';
import { guidelinesMentioned, pageMinutes, teachingPages, WORDS_PER_MINUTE } from '../../src/content/study-time';
import type { CompiledPage, QuestionKey } from '../../src/content/schema';

describe('percentages', () => {
  it('are whole numbers, or one decimal where it matters, in each language’s own form', () => {
    expect(formatPercent('en', 32.5)).toBe('32.5%');
    expect(formatPercent('es', 32.5).replace(/\s/g, ' ')).toBe('32,5 %');
    expect(formatPercent('en', 80)).toBe('80%');
    expect(formatPercent('es', 80).replace(/\s/g, ' ')).toBe('80 %');
    expect(formatPercent('en', 66.6667)).toBe('66.7%');
    expect(formatPercent('en', 0)).toBe('0%');
  });
});

describe('durations', () => {
  it('read as minutes, or hours and minutes', () => {
    expect(formatMinutes('en', 45)).toBe('45 min');
    expect(formatMinutes('es', 85)).toBe('1 h 25 min');
    expect(formatMinutes('en', 120)).toBe('2 h');
  });
});

describe('Guideline lists', () => {
  it('are singular for one and plural for more, in both languages', () => {
    expect(guidelineList('en', [2])).toBe('Guideline 2');
    expect(guidelineList('en', [2, 3])).toBe('Guidelines 2 and 3');
    expect(guidelineList('en', [2, 3, 5])).toBe('Guidelines 2, 3 and 5');
    expect(guidelineList('es', [9])).toBe('Directriz 9');
    expect(guidelineList('es', [9, 10])).toBe('Directrices 9 y 10');
    expect(guidelineList('es', [])).toBe('');
  });
});

const page = (id: string, html: string, check?: string): CompiledPage => ({
  id,
  title: id,
  blocks: [{ html }, ...(check ? [{ check }] : [])],
});

describe('study time', () => {
  it('counts the words a page holds and a minute per knowledge check', () => {
    const words = Array.from({ length: WORDS_PER_MINUTE * 3 }, () => 'word').join(' ');
    expect(pageMinutes(page('p', `<p>${words}</p>`))).toBe(3);
    expect(pageMinutes(page('p', `<p>${words}</p>`, 'c'))).toBe(4);
    expect(pageMinutes(page('p', '<p>Short.</p>'))).toBe(1);
  });
});

describe('the page that teaches a question', () => {
  const question = (id: string, guidelines: number[], objective = 'o'): QuestionKey => ({ id, type: 'true-false', objective, guidelines, answer: true });

  it('reads Guideline mentions in both languages, lists and ranges', () => {
    expect(guidelinesMentioned('Guidelines 2 and 3; Directriz 9; Directrices 14 y 15; (G12); Guidelines 1–4')).toEqual([2, 3, 9, 14, 15, 12, 1, 2, 3, 4]);
  });

  it('is the page that cites its Guidelines most, else the page checking its objective', () => {
    const pages = [
      page('opening', '<p>About this course.</p>'),
      page('warning', '<p>Guideline 2 asks… Guideline 2 again, and Guideline 5.</p>'),
      page('evacuation', '<p>Guideline 10 and Guideline 5.</p>', 'evac-check'),
    ];
    const checks = { 'evac-check': question('evac-check', [], 'evacuate') };
    expect(teachingPages([question('a', [2]), question('b', [10]), question('c', [], 'evacuate'), question('d', [])], pages, checks)).toEqual({
      a: 'warning',
      b: 'evacuation',
      c: 'evacuation',
      d: 'warning',
    });
  });
});
