/** The class view's summary of three sample card files (tests/fixtures/cards), and card files refused. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/loader.ts';
import { parseCardFile, type CardFile } from '../../src/progress/card-file.ts';
import { summariseCards } from '../../src/progress/class-summary.ts';
import { pretestKey, pretestInteractionId } from '../../src/machines/pretest.ts';
import { attemptSeed, drawQuestions } from '../../src/machines/quiz-scoring.ts';

const root = join(import.meta.dirname, '../..');
const course = loadCourse(root).index;
const read = (name: string) => readFileSync(join(root, 'tests/fixtures/cards', name), 'utf8');
const cards = ['ana.json', 'ben.json', 'caro.json'].map((name) => {
  const parsed = parseCardFile(read(name), course.id, course.modules);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.reason}`);
  return parsed.card;
});

describe('class summary of three card files', () => {
  const [summary] = summariseCards(cards, course.modules);

  it('covers the one module the cards are from', () => {
    expect(summariseCards(cards, course.modules).map((s) => s.moduleId)).toEqual(['preparedness']);
    expect(summary!.cards).toBe(3);
  });

  it('counts each decision in each scene, and each ending', () => {
    const counts = (scenario: string) =>
      Object.fromEntries(summary!.scenarios.find((s) => s.id === scenario)!.scenes.map((scene) => [scene.id, Object.fromEntries(scene.choices.map((c) => [c.id, c.count]))]));
    expect(counts('tsunami-plan')).toEqual({
      'where-people-live': { 'block-count': 2, 'migration-register': 1, 'household-registry': 0 },
      warnings: { wardens: 1, sirens: 1, 'rely-on-sae': 0 },
      'warnings-wary': { 'repair-then-wardens': 1, sirens: 0, 'rely-on-sae': 0 },
      'shelter-rules': { 'no-papers': 1, 'any-document': 1, 'police-at-door': 1 },
      drill: { 'plan-drill-with-partners': 1, 'night-drill': 0, tabletop: 0 },
      'drill-hesitant': { 'reopen-rule': 1, 'explain-rule': 0, tabletop: 1 },
      radio: { 'whole-sector': 1, 'stay-quiet': 1, 'cut-migrant-items': 0 },
      'radio-late': { 'admit-gap': 0, 'defend-plan': 1 },
    });
    expect(counts('consular-contingency-plan').registry).toEqual({ 'community-days': 1, 'online-form': 0, 'required-for-services': 1 });
    // A scenario no card played is listed with no decisions.
    expect(Object.values(counts('hospital-readiness')).flatMap((scene) => Object.values(scene)).every((n) => n === 0)).toBe(true);
    const endings = (scenario: string) => Object.fromEntries(summary!.scenarios.find((s) => s.id === scenario)!.endings.map((e) => [e.id, e.count]));
    expect(endings('tsunami-plan')).toEqual({ 'ready-together': 1, 'plan-with-gaps': 1, 'left-out': 1 });
    expect(endings('consular-contingency-plan')).toEqual({ 'plan-ready': 1, 'plan-on-paper': 0, 'plan-untested': 0 });
  });

  it('gives mastery and average pre-test and quiz per objective', () => {
    expect(summary!.objectives).toEqual([
      { id: 'micic-basics', assessed: 3, mastered: 2, pretestAverage: 66.7, quizAverage: 83.3 },
      { id: 'phases-and-guidelines', assessed: 3, mastered: 2, pretestAverage: 33.3, quizAverage: 73.3 },
      { id: 'vulnerability-factors', assessed: 3, mastered: 2, pretestAverage: 50, quizAverage: 83.3 },
      { id: 'inclusive-contingency-plan', assessed: 3, mastered: 2, pretestAverage: 50, quizAverage: 83.3 },
      { id: 'data-practices', assessed: 3, mastered: 2, pretestAverage: 33.3, quizAverage: 66.7 },
      { id: 'partners-before-crisis', assessed: 2, mastered: 2, pretestAverage: 50, quizAverage: 100 },
    ]);
  });

  it("puts the prompts' answers side by side, leaving out empty ones", () => {
    expect(summary!.answers.map((a) => a.length)).toEqual([2, 1, 1, 0, 0, 0]);
    expect(summary!.answers[0]).toEqual(['El mapa de amenazas no muestra a los migrantes; llamaría a Cáritas.', 'Our hazard map has no data on migrants.']);
  });
});

describe('card files refused', () => {
  const valid = JSON.parse(read('ben.json')) as CardFile;
  const refuse = (card: unknown) => parseCardFile(typeof card === 'string' ? card : JSON.stringify(card), course.id, course.modules);

  it.each([
    ['not JSON', '{"kind":'],
    ['another kind of file', { ...valid, kind: 'something-else' }],
    ['another course', { ...valid, course: 'other-course' }],
    ['an unknown module', { ...valid, module: 'nowhere' }],
    ['an unknown objective', { ...valid, objectives: [{ id: 'flying', success: 'passed' }] }],
    ['a score out of range', { ...valid, objectives: [{ id: 'micic-basics', success: 'passed', quiz: 140 }] }],
    ['a decision the scenario does not have', { ...valid, scenarios: [{ id: 'tsunami-plan', decisions: [{ scene: 'warnings', choice: 'fly-away' }] }] }],
    ['prompts of another module', { ...valid, prompts: ['one'] }],
  ])('refuses %s', (_, card) => {
    expect(refuse(card).ok).toBe(false);
  });

  it('accepts the sample', () => expect(refuse(valid).ok).toBe(true));
});

describe('pre-test draw', () => {
  const module = course.modules[0]!;
  const objectives = module.objectives.map((o) => o.id);

  it('asks one question per objective, the same for the same seed', () => {
    for (const seed of [1, 42, 987654]) {
      const key = pretestKey(module.quiz, objectives, seed)!;
      expect(key.questions.map((q) => q.objective)).toEqual(objectives);
      expect(key).toEqual(pretestKey(module.quiz, objectives, seed));
      expect(key.attempts).toBe(1);
    }
  });

  it('prefers questions the first quiz attempt does not ask, when the bank allows', () => {
    const quiz = { ...module.quiz!, draw: 6 };
    for (const seed of [3, 17, 2024]) {
      const pretest = pretestKey(quiz, objectives, seed)!;
      // The first attempt's draw, as the quiz machine makes it.
      const asked = new Set(drawQuestions(quiz.questions, quiz.draw, attemptSeed(seed, 1)));
      for (const question of pretest.questions) {
        const spare = quiz.questions.some((q) => q.objective === question.objective && !asked.has(q.id));
        if (spare) expect(asked.has(question.id), question.id).toBe(false);
      }
    }
  });

  it('names interactions <module>.pre.<question> in identifier characters only', () => {
    expect(pretestInteractionId('preparedness', 'who-led-micic')).toBe('preparedness.pre.who_led_micic');
    expect(pretestInteractionId('preparedness', 'who-led-micic')).toMatch(/^[\w.]{1,250}$/);
  });
});
