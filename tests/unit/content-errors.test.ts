/**
 * A malformed or inconsistent content file fails the build with its file, its line and the
 * problem in one sentence. Each case breaks one thing in a copy of a small valid course.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, type ContentProblem } from '../../src/content/errors.ts';
import { loadCourse } from '../../src/content/loader.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/valid-course');
const ALPHA = 'modules/01-alpha';
let workDir = '';

function copyFixture(): string {
  workDir = mkdtempSync(join(tmpdir(), 'micic-content-'));
  cpSync(FIXTURE, workDir, { recursive: true });
  return workDir;
}

afterEach(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  workDir = '';
});

function edit(root: string, file: string, change: (text: string) => string): void {
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit to ${file} changed nothing`);
  writeFileSync(path, after);
}

function problemsOf(root: string): ContentProblem[] {
  try {
    loadCourse(root);
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  throw new Error('expected the content to be rejected');
}

describe('content pipeline errors', () => {
  it('accepts the valid fixture', () => {
    const course = loadCourse(FIXTURE);
    expect(course.index.modules.map((m) => m.id)).toEqual(['alpha', 'beta']);
    expect(course.contents.get('beta.es')?.pages[0]?.title).toBe('intro beta (es)');
  });

  it('reports invalid YAML with its line', () => {
    const root = copyFixture();
    edit(root, `${ALPHA}/module.yaml`, (t) => t.replace('masteryScore: 75', 'masteryScore: 75\nmasteryScore: 80'));
    expect(problemsOf(root)).toEqual([{ file: `${ALPHA}/module.yaml`, line: 9, message: 'invalid YAML: Map keys must be unique' }]);
  });

  it('reports an unclosed list where the parser finds it', () => {
    const root = copyFixture();
    edit(root, `${ALPHA}/module.yaml`, (t) => t.replace('masteryScore: 75', 'masteryScore: [75'));
    const problems = problemsOf(root);
    expect(problems.map((p) => [p.file, p.line])).toEqual([[`${ALPHA}/module.yaml`, 9]]);
    expect(problems[0]!.message).toMatch(/^invalid YAML: .*end with a \]/);
  });

  it('reports a missing required field, on the line of its parent', () => {
    const root = copyFixture();
    edit(root, `${ALPHA}/module.yaml`, (t) => t.replace(/summary:\n  en: .*\n  es: .*\n/, ''));
    expect(problemsOf(root)).toEqual([{ file: `${ALPHA}/module.yaml`, line: 1, message: '"summary" is required but missing' }]);
  });

  it('reports a missing Spanish text of a field on its line', () => {
    const root = copyFixture();
    edit(root, `${ALPHA}/module.yaml`, (t) => t.replace(/^ *es: Nombrar la primera cosa\.\n/m, ''));
    const problems = problemsOf(root);
    expect(problems).toEqual([{ file: `${ALPHA}/module.yaml`, line: 12, message: '"objectives.0.text.es" is required but missing' }]);
  });

  it('reports a duplicate objective id on the line of the second one', () => {
    const root = copyFixture();
    edit(root, `${ALPHA}/module.yaml`, (t) =>
      t.replace('pages:', '  - id: first-objective\n    guidelines: [3]\n    text:\n      en: Again.\n      es: Otra vez.\npages:'),
    );
    expect(problemsOf(root)).toEqual([{ file: `${ALPHA}/module.yaml`, line: 15, message: 'duplicate objective id "first-objective"' }]);
  });

  it('reports a duplicate module id across modules', () => {
    const root = copyFixture();
    edit(root, 'modules/02-beta/module.yaml', (t) => t.replace('id: beta', 'id: alpha'));
    expect(problemsOf(root)).toEqual([
      { file: 'modules/02-beta/module.yaml', line: 1, message: 'module id "alpha" is already used by modules/01-alpha/module.yaml' },
    ]);
  });

  it('reports a page that is listed but missing', () => {
    const root = copyFixture();
    edit(root, `${ALPHA}/module.yaml`, (t) => t.replace('  - details\n', '  - details\n  - summary\n'));
    expect(problemsOf(root)).toEqual([
      { file: `${ALPHA}/module.yaml`, line: 18, message: `page "summary" is listed but ${ALPHA}/pages/summary.en.md does not exist` },
    ]);
  });

  it('reports a page that is present but not listed', () => {
    const root = copyFixture();
    writeFileSync(join(root, ALPHA, 'pages/extra.en.md'), '# Extra\n');
    expect(problemsOf(root)).toEqual([
      { file: `${ALPHA}/pages/extra.en.md`, message: 'page "extra" is not listed in module.yaml "pages"' },
    ]);
  });

  it('reports a missing translation of a page', () => {
    const root = copyFixture();
    unlinkSync(join(root, ALPHA, 'pages/details.es.md'));
    expect(problemsOf(root)).toEqual([
      {
        file: `${ALPHA}/module.yaml`,
        line: 17,
        message: `page "details" has no Spanish translation (${ALPHA}/pages/details.es.md is missing)`,
      },
    ]);
  });

  it('rejects raw HTML in Markdown, with its line', () => {
    const root = copyFixture();
    edit(root, `${ALPHA}/pages/intro.en.md`, (t) => `${t}\n<div class="box">Boxed</div>\n`);
    const problems = problemsOf(root);
    expect(problems).toEqual([
      { file: `${ALPHA}/pages/intro.en.md`, line: 10, message: 'raw HTML is not allowed in Markdown (found "<div class="box">Boxed</div>")' },
    ]);
  });

  it('rejects a <script> inside a paragraph, with its line', () => {
    const root = copyFixture();
    edit(root, `${ALPHA}/pages/intro.es.md`, (t) => t.replace('Algo de', 'Algo <script>alert(1)</script> de'));
    const problems = problemsOf(root);
    expect(problems.map((p) => [p.file, p.line])).toEqual([
      [`${ALPHA}/pages/intro.es.md`, 3],
      [`${ALPHA}/pages/intro.es.md`, 3],
    ]);
    expect(problems[0]!.message).toBe('raw HTML is not allowed in Markdown (found "<script>")');
  });

  it.each([
    ['a javascript: link', '[x](javascript:alert(1))', 'javascript:alert(1)'],
    ['an entity-encoded javascript: link', '[x](&#106;avascript&#58;alert(1))', 'javascript:alert(1)'],
    ['a mixed-case javascript: link', '[x](JaVaScRiPt:alert(1))', 'JaVaScRiPt:alert(1)'],
    ['a <javascript:…> autolink', '<javascript:alert(1)>', 'javascript:alert(1)'],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)', 'data:text/html;base64,PHNjcmlwdD4='],
    ['a data: link by reference', '[x][evil]\n\n[evil]: data:text/html,hi', 'data:text/html,hi'],
  ])('rejects %s with its file and line', (_, markdown, target) => {
    const root = copyFixture();
    edit(root, `${ALPHA}/pages/intro.en.md`, (t) => `${t}\nSee ${markdown}\n`);
    expect(problemsOf(root)).toEqual([
      { file: `${ALPHA}/pages/intro.en.md`, line: 10, message: `link target "${target}" must start with https://, http://, mailto: or #` },
    ]);
  });

  it('rejects an objective citing a guideline outside 1-15', () => {
    const root = copyFixture();
    edit(root, `${ALPHA}/module.yaml`, (t) => t.replace('guidelines: [1, 2]', 'guidelines: [1, 16]'));
    expect(problemsOf(root)).toEqual([
      { file: `${ALPHA}/module.yaml`, line: 11, message: '"objectives.0.guidelines.1" MICIC has Guidelines 1 to 15' },
    ]);
  });

  it('rejects a page that does not start with its title', () => {
    const root = copyFixture();
    edit(root, `${ALPHA}/pages/details.en.md`, (t) => `Intro line\n\n${t}`);
    const problems = problemsOf(root);
    expect(problems[0]).toEqual({
      file: `${ALPHA}/pages/details.en.md`,
      line: 1,
      message: 'a page must start with a level-1 heading ("# Title"): it is the page title',
    });
  });

  it('rejects a module folder that course.yaml does not list', () => {
    const root = copyFixture();
    edit(root, 'modules/course.yaml', (t) => t.replace('  - 02-beta\n', ''));
    expect(problemsOf(root)).toEqual([{ file: 'modules/02-beta', message: 'module folder "02-beta" is not listed in course.yaml "modules"' }]);
  });

  it('rejects unknown fields, naming them', () => {
    const root = copyFixture();
    edit(root, 'modules/course.yaml', (t) => t.replace('passingScore: 80', 'passingScore: 80\npasingScore: 70'));
    expect(problemsOf(root)).toEqual([{ file: 'modules/course.yaml', line: 1, message: 'the file has unknown field(s) "pasingScore"' }]);
  });

  it('lists every problem at once', () => {
    const root = copyFixture();
    unlinkSync(join(root, ALPHA, 'pages/details.es.md'));
    edit(root, 'modules/02-beta/pages/intro.en.md', (t) => `${t}\n<br>\n`);
    expect(problemsOf(root)).toHaveLength(2);
  });
});

describe('quiz content errors', () => {
  const QUIZ = `${ALPHA}/quiz.yaml`;

  it('compiles the fixture quiz into keys and texts', () => {
    const course = loadCourse(FIXTURE);
    const quiz = course.index.modules[0]!.quiz!;
    expect(quiz).toMatchObject({ attempts: 0, keep: 'best', draw: 3 });
    expect(quiz.questions.map((q) => q.type)).toEqual(['single-choice', 'multiple-response', 'matching']);
    expect(course.contents.get('alpha.es')!.questions['pick-one']).toEqual({
      prompt: 'Elija una.',
      explanation: 'Porque (Directriz 1).',
      labels: { right: 'Correcta', wrong: 'Incorrecta' },
      feedback: {},
    });
  });

  it('rejects an answer key naming an option that does not exist', () => {
    const root = copyFixture();
    edit(root, QUIZ, (t) => t.replace('answer: right', 'answer: rihgt'));
    expect(problemsOf(root)).toEqual([
      { file: QUIZ, line: 12, message: 'question "pick-one": the answer "rihgt" is not one of its options (right, wrong)' },
    ]);
  });

  it('rejects a question with no correct answer', () => {
    const root = copyFixture();
    edit(root, QUIZ, (t) => t.replace('answers: [yes-1, yes-2]', 'answers: []'));
    expect(problemsOf(root)).toEqual([
      { file: QUIZ, line: 26, message: '"questions.1.answers" a question needs at least one correct answer' },
    ]);
  });

  it('rejects a multiple-response prompt that repeats the hint the course shows itself', () => {
    const root = copyFixture();
    edit(root, QUIZ, (t) => t.replace('es: Elija varias. }', 'es: Elija varias. Elija todas las que correspondan. }'));
    expect(problemsOf(root)).toEqual([
      {
        file: QUIZ,
        line: 18,
        message: 'question "pick-many": the es prompt says "choose all that apply" itself: remove it, the course shows that hint under every multiple-response question',
      },
    ]);
  });

  it('rejects the other ways of writing that hint, in both languages', () => {
    const variants = [
      { language: 'es', from: 'es: Elija varias. }', to: 'es: Elija varias. Elija todo lo que corresponda. }' },
      { language: 'en', from: 'en: Pick many.,', to: 'en: Pick many. Select all which apply.,' },
    ];
    for (const { language, from, to } of variants) {
      const root = copyFixture();
      edit(root, QUIZ, (t) => t.replace(from, to));
      expect(problemsOf(root).map((p) => p.message)).toEqual([expect.stringContaining(`the ${language} prompt says "choose all that apply" itself`)]);
    }
  });

  it('rejects a matching item left without a partner', () => {
    const root = copyFixture();
    edit(root, QUIZ, (t) => t.replace('      left-b: right-b\n', ''));
    expect(problemsOf(root)).toEqual([
      { file: QUIZ, line: 36, message: 'question "pair-up": "left-b" has no partner in "answer"' },
    ]);
  });

  it('rejects a matching answer that names a missing target', () => {
    const root = copyFixture();
    edit(root, QUIZ, (t) => t.replace('left-b: right-b', 'left-b: right-c'));
    expect(problemsOf(root)).toEqual([
      { file: QUIZ, line: 45, message: 'question "pair-up": the answer pairs "left-b" with "right-c", which is not one of its targets' },
    ]);
  });

  it('rejects an objective id that does not exist', () => {
    const root = copyFixture();
    edit(root, QUIZ, (t) => t.replace('objective: first-objective\n    guidelines: [2]', 'objective: second-objective\n    guidelines: [2]'));
    expect(problemsOf(root)).toEqual([
      { file: QUIZ, line: 16, message: 'question "pick-many": objective "second-objective" is not one of this module\'s objectives (first-objective)' },
    ]);
  });

  it('rejects an unknown question type, naming the ones there are', () => {
    const root = copyFixture();
    edit(root, QUIZ, (t) => t.replace('type: matching', 'type: drag-and-drop'));
    const [problem] = problemsOf(root);
    expect(problem).toMatchObject({ file: QUIZ, line: 29 });
    expect(problem!.message).toMatch(/single-choice, multiple-response, true-false, ordering, matching/);
  });

  it('rejects a knowledge check used on a page but not defined', () => {
    const root = copyFixture();
    edit(root, `${ALPHA}/pages/intro.en.md`, (t) => `${t}\n\`\`\`check nowhere\n\`\`\`\n`);
    edit(root, `${ALPHA}/pages/intro.es.md`, (t) => `${t}\n\`\`\`check nowhere\n\`\`\`\n`);
    expect(problemsOf(root)).toEqual([
      { file: `${ALPHA}/pages/intro.en.md`, line: 10, message: 'knowledge check "nowhere" is not defined in checks.yaml' },
      { file: `${ALPHA}/pages/intro.es.md`, line: 10, message: 'knowledge check "nowhere" is not defined in checks.yaml' },
    ]);
  });

  it('rejects a page whose translation places different knowledge checks', () => {
    const root = copyFixture();
    writeFileSync(
      join(root, ALPHA, 'checks.yaml'),
      'checks:\n  - id: quick\n    type: true-false\n    objective: first-objective\n    guidelines: [1]\n    prompt: { en: Q, es: P }\n    answer: true\n    explanation: { en: E, es: E }\n',
    );
    edit(root, `${ALPHA}/pages/intro.en.md`, (t) => `${t}\n\`\`\`check quick\n\`\`\`\n`);
    expect(problemsOf(root)).toEqual([
      { file: `${ALPHA}/pages/intro.es.md`, message: "the knowledge checks (none) differ from the English page's (quick)" },
    ]);
  });

  describe('reports the first cause only, not its follow-ons', () => {
    const CHECK = 'checks:\n  - id: quick\n    type: true-false\n    objective: first-objective\n    guidelines: [1]\n    prompt: { en: Q, es: P }\n    answer: true\n    explanation: { en: E, es: E }\n';
    const placeCheck = (root: string) => {
      writeFileSync(join(root, ALPHA, 'checks.yaml'), CHECK);
      for (const language of ['en', 'es']) edit(root, `${ALPHA}/pages/intro.${language}.md`, (t) => `${t}\n\`\`\`check quick\n\`\`\`\n`);
    };

    it('after a quiz error, no "knowledge check … is not defined" for the checks on pages', () => {
      const root = copyFixture();
      placeCheck(root);
      edit(root, QUIZ, (t) => t.replace('type: matching', 'type: drag-and-drop'));
      const problems = problemsOf(root);
      expect(problems.map((p) => p.file)).toEqual([QUIZ]);
    });

    it('after a Markdown error on the page holding a check, no "… is not used on any page"', () => {
      const root = copyFixture();
      placeCheck(root);
      edit(root, `${ALPHA}/pages/intro.en.md`, (t) => t.replace('Some **text**', 'Some <b>text</b>'));
      expect(problemsOf(root)).toEqual([{ file: `${ALPHA}/pages/intro.en.md`, line: 3, message: 'raw HTML is not allowed in Markdown (found "<b>")' }, { file: `${ALPHA}/pages/intro.en.md`, line: 3, message: 'raw HTML is not allowed in Markdown (found "</b>")' }]);
    });

    it('after a missing page file, no "… is not used on any page"', () => {
      const root = copyFixture();
      placeCheck(root);
      unlinkSync(join(root, ALPHA, 'pages/intro.en.md'));
      expect(problemsOf(root).map((p) => p.message)).toEqual(['page "intro" has no English translation (modules/01-alpha/pages/intro.en.md is missing)']);
    });
  });

  it('reserves the page id "quiz"', () => {
    const root = copyFixture();
    edit(root, `${ALPHA}/module.yaml`, (t) => t.replace('  - details\n', '  - details\n  - quiz\n'));
    writeFileSync(join(root, ALPHA, 'pages/quiz.en.md'), '# Q\n');
    writeFileSync(join(root, ALPHA, 'pages/quiz.es.md'), '# Q\n');
    expect(problemsOf(root)).toEqual([{ file: `${ALPHA}/module.yaml`, line: 18, message: 'the page id "quiz" is reserved for the module quiz (quiz.yaml)' }]);
  });
});

describe('wrong types', () => {
  it('says what was expected and what was found', () => {
    const root = copyFixture();
    edit(root, `${ALPHA}/module.yaml`, (t) => t.replace('masteryScore: 75', 'masteryScore: "high"'));
    expect(problemsOf(root)).toEqual([{ file: `${ALPHA}/module.yaml`, line: 8, message: '"masteryScore" must be a number (found "high")' }]);
  });
});

describe('page blocks', () => {
  it("places the module's workshop prompts where a page asks for them", () => {
    const root = copyFixture();
    edit(root, `${ALPHA}/pages/details.en.md`, (t) => `${t}\n\`\`\`workshop-prompts\n\`\`\`\n\nAfter.\n`);
    edit(root, `${ALPHA}/pages/details.es.md`, (t) => `${t}\n\`\`\`workshop-prompts\n\`\`\`\n\nDespués.\n`);
    const blocks = loadCourse(root).contents.get('alpha.en')!.pages[1]!.blocks;
    expect(blocks.map((b) => Object.keys(b)[0])).toEqual(['html', 'prompts', 'html']);
  });
});

describe('YAML pitfalls', () => {
  it('refuses a text cut short by an unquoted comma in a flow mapping, instead of dropping the rest', () => {
    const root = copyFixture();
    edit(root, `${ALPHA}/module.yaml`, (t) => t.replace('  en: Module alpha\n  es: Módulo alpha', '  en: Module alpha\n  es: Módulo alpha').replace(/title:\n  en: Module alpha\n  es: Módulo alpha/, 'title: { en: Module alpha, the first, es: Módulo alpha }'));
    expect(problemsOf(root)).toEqual([{ file: `${ALPHA}/module.yaml`, line: 2, message: '"title" has unknown field(s) "the first"' }]);
  });
});
