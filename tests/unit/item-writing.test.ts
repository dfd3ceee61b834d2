/**
 * The item-writing rules (src/content/item-writing.ts): the shipped banks pass them, and each rule
 * fails the build, naming file and line, when an author breaks it.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, type ContentProblem } from '../../src/content/errors.ts';
import { bankFigures, bankProblems, itemProblems, ITEM_WRITING, scenarioFigures, scenarioProblems } from '../../src/content/item-writing.ts';
import { loadCourse } from '../../src/content/loader.ts';
import { quizFileSchema, scenarioFileSchema } from '../../src/content/schema.ts';
import { parseYaml, validateYaml, type YamlSource } from '../../src/content/yaml-source.ts';

const ROOT = join(import.meta.dirname, '../..');
const MODULES = ['01-preparedness', '02-response', '03-recovery'];

function source(file: string, text: string): YamlSource {
  const parsed = parseYaml(file, text);
  if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
  return parsed.source;
}

function quizOf(file: string) {
  const src = source(file, readFileSync(join(ROOT, file), 'utf8'));
  const result = validateYaml(src, quizFileSchema);
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return { src, quiz: result.value };
}

const tx = (en: string, es = `${en} (es)`) => `{ en: "${en}", es: "${es}" }`;
const choice = (id: string, text: string) => `      - id: ${id}\n        text: ${tx(text)}`;

describe('the shipped quiz banks', () => {
  for (const folder of MODULES) {
    it(`${folder} passes every item-writing rule`, () => {
      const { src, quiz } = quizOf(`modules/${folder}/quiz.yaml`);
      expect([...itemProblems(quiz.questions, ['questions'], src), ...bankProblems(quiz.questions, ['questions'], src)]).toEqual([]);
      const figures = bankFigures(quiz.questions);
      const trueShare = figures.trueFalse.keyedTrue / figures.trueFalse.total;
      expect(trueShare).toBeGreaterThanOrEqual(ITEM_WRITING.trueShare.min);
      expect(trueShare).toBeLessThanOrEqual(ITEM_WRITING.trueShare.max);
      expect(figures.longestKey.en / figures.choice).toBeLessThanOrEqual(0.4);
      expect(figures.longestKey.es / figures.choice).toBeLessThanOrEqual(0.4);
      expect(figures.shortestKey.en / figures.choice).toBeLessThanOrEqual(0.4);
      expect(figures.shortestKey.es / figures.choice).toBeLessThanOrEqual(0.4);
      // "Leave out the longest and the shortest" must not find the key either.
      expect(figures.betweenKey.en / figures.choice).toBeLessThanOrEqual(0.6);
      expect(figures.betweenKey.es / figures.choice).toBeLessThanOrEqual(0.6);
      expect(figures.applied / figures.questions).toBeGreaterThanOrEqual(0.5);
    });
  }

  it('gives multiple-response questions two wrong options and matching a spare target, in quizzes and checks', () => {
    for (const folder of MODULES) {
      for (const name of ['quiz.yaml', 'checks.yaml']) {
        const data = source(name, readFileSync(join(ROOT, 'modules', folder, name), 'utf8')).data as { questions?: unknown[]; checks?: unknown[] };
        for (const q of (data.questions ?? data.checks ?? []) as Array<Record<string, unknown>>) {
          if (q.type === 'multiple-response') expect((q.options as unknown[]).length - (q.answers as unknown[]).length, String(q.id)).toBeGreaterThanOrEqual(2);
          if (q.type === 'matching') expect((q.targets as unknown[]).length, String(q.id)).toBeGreaterThan((q.sources as unknown[]).length);
        }
      }
    }
  });
});

describe('item rules', () => {
  const quiz = (body: string) => {
    const src = source('modules/x/quiz.yaml', `questions:\n${body}`);
    const result = validateYaml(src, quizFileSchema);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
    return itemProblems(result.value.questions, ['questions'], src);
  };
  const head = (id: string, type: string) => `  - id: ${id}\n    type: ${type}\n    objective: o\n    guidelines: [1]\n    prompt: ${tx('Prompt')}\n    explanation: ${tx('Because')}\n`;

  it('asks for two wrong options in a multiple-response question', () => {
    const problems = quiz(`${head('mr', 'multiple-response')}    options:\n${choice('a', 'A')}\n${choice('b', 'B')}\n${choice('c', 'C')}\n    answers: [a, b]\n`);
    expect(problems).toEqual([{ file: 'modules/x/quiz.yaml', line: 8, message: 'question "mr": has 1 wrong option; write at least 2 plausible ones' }]);
  });

  it('asks for a spare target in a matching question', () => {
    const problems = quiz(
      `${head('m', 'matching')}    sources:\n${choice('s1', 'S1')}\n${choice('s2', 'S2')}\n    targets:\n${choice('t1', 'T1')}\n${choice('t2', 'T2')}\n    answer: { s1: t1, s2: t2 }\n`,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'modules/x/quiz.yaml', line: 13 });
    expect(problems[0]!.message).toContain('add 1 spare target');
  });

  it('rejects "all of the above" and "ninguna de las anteriores" in either language', () => {
    const body = (en: string, es: string) =>
      `${head('sc', 'single-choice')}    options:\n${choice('a', 'A')}\n${choice('b', 'B')}\n      - id: c\n        text: ${tx(en, es)}\n    answer: a\n`;
    expect(quiz(body('All of the above', 'Todas las anteriores'))).toHaveLength(2);
    expect(quiz(body('Not this one', 'Ninguna de las anteriores'))[0]).toMatchObject({ line: 14, message: expect.stringContaining('(es) is an "all/none of the above" option') });
    expect(quiz(body('None of these', 'Ninguna'))).toHaveLength(1);
    expect(quiz(body('The shelter above the river', 'El albergue de arriba'))).toEqual([]);
  });

  it('asks an applied question to tell a case', () => {
    const problems = quiz(`  - id: tf\n    type: true-false\n    objective: o\n    guidelines: [1]\n    applied: true\n    prompt: ${tx('Too short to be a case.')}\n    explanation: ${tx('Because')}\n    answer: true\n`);
    expect(problems[0]!.message).toContain('is marked applied but its stem has 6 words');
  });
});

describe('bank rules', () => {
  const { src, quiz } = quizOf('modules/02-response/quiz.yaml');

  it('fails a bank whose true/false keys lean one way, naming the lines', () => {
    const allFalse = quiz.questions.map((q) => (q.type === 'true-false' ? { ...q, answer: false } : q));
    const problems = bankProblems(allFalse, ['questions'], src);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe('modules/02-response/quiz.yaml');
    expect(problems[0]!.message).toMatch(/^0 of 5 true\/false questions \(0 %\) are keyed true, outside 35 % to 65 %; keyed false at lines \d+, \d+/);
  });

  it('fails a bank where the key is the longest option too often', () => {
    const padded = quiz.questions.map((q) =>
      q.type === 'single-choice'
        ? { ...q, options: q.options.map((o) => (o.id === q.answer ? { ...o, text: { en: `${o.text.en} ${'x'.repeat(200)}`, es: o.text.es } } : o)) }
        : q,
    );
    const problems = bankProblems(padded, ['questions'], src);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^in \d+ of 7 choice questions \(\d+ %, en\) the longest option is a key, above 40 %; see lines /)]);
  });

  it('fails a bank where the key is always neither the longest nor the shortest option', () => {
    const text = (n: number) => ({ en: 'x'.repeat(n), es: 'y'.repeat(n) });
    const middling = quiz.questions.map((q) => {
      if (q.type !== 'single-choice' && q.type !== 'multiple-response') return q;
      const keys = q.type === 'single-choice' ? [q.answer] : q.answers;
      let wrong = 0;
      return { ...q, options: q.options.map((o) => ({ ...o, text: keys.includes(o.id) ? text(50) : text(wrong++ === 0 ? 10 : 100) })) };
    });
    expect(bankFigures(middling).betweenKey).toEqual({ en: 7, es: 7 });
    const messages = bankProblems(middling, ['questions'], src).map((p) => p.message);
    expect(messages).toEqual([
      expect.stringMatching(/^in 7 of 7 choice questions \(100 %, en\) no key is the longest or the shortest option, above 60 %; see lines /),
      expect.stringMatching(/^in 7 of 7 choice questions \(100 %, es\) no key is the longest or the shortest option, above 60 %; see lines /),
    ]);
  });

  it('fails a bank that is too small, misses a type or is mostly recall', () => {
    const recall = quiz.questions.filter((q) => q.type !== 'ordering').slice(0, 12).slice(4).map((q) => ({ ...q, applied: false }));
    const messages = bankProblems(recall, ['questions'], src).map((p) => p.message);
    expect(messages).toContainEqual('the quiz has 8 questions; a graded bank needs at least 12');
    expect(messages).toContainEqual('the quiz has no ordering, matching question; use all five types');
    expect(messages).toContainEqual(expect.stringMatching(/^0 of 8 questions \(0 %\) are applied/));
  });
});

describe('scenario rule', () => {
  /** A scenario whose scenes offer the given choice texts, the first one best, each scene leading to the next. */
  const scenario = (texts: string[][]) => {
    const scenes = texts
      .map((choices, i) => {
        const next = i + 1 < texts.length ? `s${i + 1}` : 'end';
        const lines = choices.map((text, j) => `      - { id: c${j}, text: ${tx(text)}, consequence: ${tx('C')}, guidelines: [1],${j === 0 ? ' best: true, score: 1,' : ''} next: ${next} }\n`);
        return `  - id: s${i}\n    situation: ${tx('Situation')}\n    choices:\n${lines.join('')}`;
      })
      .join('');
    const text = `id: demo\nobjectives: [o]\ntitle: ${tx('T')}\nrole: ${tx('R')}\nsetting: ${tx('S')}\nindicators: []\nstart: s0\nscenes:\n${scenes}endings:\n  - { id: end, kind: good, title: ${tx('E')}, debrief: ${tx('D')} }\n`;
    const src = source('modules/x/scenarios/demo.yaml', text);
    const result = validateYaml(src, scenarioFileSchema);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
    return { src, file: result.value };
  };

  it('fails a scenario whose best choice is the longest in more than 40 % of scenes, naming the scenes', () => {
    const { src, file } = scenario([
      ['Long and careful best choice', 'Short'],
      ['Another long best choice', 'Short'],
      ['Short', 'A longer weaker choice'],
    ]);
    expect(scenarioFigures(file)).toEqual({ scenes: 3, longestBest: { en: 2, es: 2 }, shortestBest: { en: 1, es: 1 }, betweenBest: { en: 0, es: 0 } });
    const problems = scenarioProblems(file, src);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ file: 'modules/x/scenarios/demo.yaml', line: 9 });
    expect(problems[0]!.message).toContain('in 2 of 3 scenes (67 %, en) the best choice is the longest, above 40 %; scenes at lines 9, 14');
  });

  it('fails a scenario whose best choice is the shortest, or always the middle length, naming the scenes', () => {
    const shortest = scenario([
      ['Short', 'A longer weaker choice'],
      ['Short', 'A longer weaker choice'],
      ['Long and careful best choice', 'Short'],
    ]);
    expect(scenarioProblems(shortest.file, shortest.src).map((p) => p.message)).toContain(
      'scenario "demo": in 2 of 3 scenes (67 %, en) the best choice is the shortest, above 40 %; scenes at lines 9, 14',
    );
    const middle = scenario([
      ['Middle one', 'Short', 'The longest of the three'],
      ['Middle one', 'Short', 'The longest of the three'],
      ['Middle one', 'Short', 'The longest of the three'],
    ]);
    expect(scenarioFigures(middle.file).betweenBest).toEqual({ en: 3, es: 3 });
    expect(scenarioProblems(middle.file, middle.src).map((p) => p.message)).toContain(
      'scenario "demo": in 3 of 3 scenes (100 %, en) the best choice is neither the longest nor the shortest, above 60 %; scenes at lines 9, 15, 21',
    );
  });

  it('passes a scenario whose best choice falls at every length', () => {
    const balanced = scenario([
      ['The longest of the three', 'Short', 'Middle one'],
      ['Short', 'Middle one', 'The longest of the three'],
      ['Middle one', 'Short', 'The longest of the three'],
      ['The longest of the three', 'Middle one', 'Short'],
      ['Short', 'The longest of the three', 'Middle one'],
    ]);
    expect(scenarioFigures(balanced.file)).toEqual({ scenes: 5, longestBest: { en: 2, es: 2 }, shortestBest: { en: 2, es: 2 }, betweenBest: { en: 1, es: 1 } });
    expect(scenarioProblems(balanced.file, balanced.src)).toEqual([]);
  });

  it('holds every shipped scenario to the rule, with no file exempt', () => {
    const files = MODULES.flatMap((folder) =>
      readdirSync(join(ROOT, 'modules', folder, 'scenarios'))
        .filter((name) => name.endsWith('.yaml'))
        .map((name) => `modules/${folder}/scenarios/${name}`),
    );
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const path of files) {
      const src = source(path, readFileSync(join(ROOT, path), 'utf8'));
      const result = validateYaml(src, scenarioFileSchema);
      if (!result.ok) throw new Error(result.problems[0]!.message);
      expect(scenarioProblems(result.value, src), path).toEqual([]);
      const { scenes, longestBest, shortestBest, betweenBest } = scenarioFigures(result.value);
      for (const count of Object.values(longestBest)) expect(count / scenes, path).toBeLessThanOrEqual(ITEM_WRITING.scenarioLongestBestMax);
      for (const count of Object.values(shortestBest)) expect(count / scenes, path).toBeLessThanOrEqual(ITEM_WRITING.scenarioShortestBestMax);
      for (const count of Object.values(betweenBest)) expect(count / scenes, path).toBeLessThanOrEqual(ITEM_WRITING.scenarioBetweenBestMax);
    }
  });
});

describe('the build', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });
  const problemsOf = (root: string): ContentProblem[] => {
    try {
      loadCourse(root);
    } catch (error) {
      if (error instanceof ContentError) return error.problems;
      throw error;
    }
    return [];
  };

  it('fails, naming file and line, when a shipped bank breaks a rule or a content page loses its check', () => {
    dir = mkdtempSync(join(tmpdir(), 'micic-items-'));
    cpSync(join(ROOT, 'modules'), join(dir, 'modules'), { recursive: true });
    expect(problemsOf(dir)).toEqual([]);
    const quiz = join(dir, 'modules/03-recovery/quiz.yaml');
    writeFileSync(quiz, readFileSync(quiz, 'utf8').replace(/answer: true\n/g, 'answer: false\n'));
    const page = join(dir, 'modules/03-recovery/pages/host-communities');
    for (const language of ['en', 'es']) {
      writeFileSync(`${page}.${language}.md`, readFileSync(`${page}.${language}.md`, 'utf8').replace(/```check [a-z-]+\n```\n/, ''));
    }
    const problems = problemsOf(dir);
    expect(problems).toContainEqual({ file: 'modules/03-recovery/quiz.yaml', line: 6, message: expect.stringMatching(/^0 of 5 true\/false questions/) });
    expect(problems).toContainEqual({ file: 'modules/03-recovery/checks.yaml', message: 'knowledge check "check-host-communities" is not used on any page' });
  });

  it('asks for a check on every page not declared navigation-only', () => {
    dir = mkdtempSync(join(tmpdir(), 'micic-items-'));
    cpSync(join(ROOT, 'modules'), join(dir, 'modules'), { recursive: true });
    const module = join(dir, 'modules/02-response/module.yaml');
    writeFileSync(module, readFileSync(module, 'utf8').replace('navigationPages: [summary-and-workshop]', 'navigationPages: []'));
    expect(problemsOf(dir)).toEqual([
      {
        file: 'modules/02-response/module.yaml',
        line: expect.any(Number),
        message: 'page "summary-and-workshop" has no knowledge check; add one ("```check <id>```") or list the page under "navigationPages" if it only opens or closes the module',
      },
    ]);
  });
});
