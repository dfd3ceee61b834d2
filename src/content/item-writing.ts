/**
 * Item-writing rules: a quiz must measure learning, not test-wiseness. An informed guesser
 * (always "false", always the longest option, always tick everything) must do no better than
 * chance. All thresholds live in ITEM_WRITING; the build fails, naming file and line, when a
 * quiz bank, a knowledge check or a scenario breaks one. `npm run traceability` prints the figures.
 */
import type { ContentProblem } from './errors.ts';
import { LANGUAGES, type Language, type Question, type ScenarioFile } from './schema.ts';
import type { YamlSource } from './yaml-source.ts';

export const ITEM_WRITING = {
  /** A graded bank holds at least this many questions, of all five types. */
  minQuestions: 12,
  types: ['single-choice', 'multiple-response', 'true-false', 'ordering', 'matching'] as const,
  /** Share of true/false questions keyed "true", per module. */
  trueShare: { min: 0.35, max: 0.65 },
  /** Share of choice questions (single-choice, multiple-response) whose longest option is a key, per language. */
  longestKeyMax: 0.4,
  /** The same for the shortest option: keys written short to dodge the first rule are a tell too. */
  shortestKeyMax: 0.4,
  /** And for keys that are neither: "leave out the longest and the shortest" must not win either. */
  betweenKeyMax: 0.6,
  /** Wrong options at least, in single-choice and multiple-response questions. */
  minWrongOptions: 2,
  /** Matching: targets beyond the sources, so the last pair is never given away. */
  spareTargets: 1,
  /** Share of applied questions (a short case in the stem, declared `applied: true`). */
  minAppliedShare: 0.5,
  /** An applied stem tells a case: at least this many words in English. */
  minCaseWords: 18,
  /** Share of scenes of one scenario whose best choice is the longest, per language. */
  scenarioLongestBestMax: 0.4,
  /** The same for the shortest: best choices trimmed to dodge the first rule are a tell too. */
  scenarioShortestBestMax: 0.4,
  /** And for "neither": with three choices, always the middle length would be the next tell. */
  scenarioBetweenBestMax: 0.6,
  /** Options that reward test-wiseness, in both languages. */
  forbiddenOption:
    /\b(all|none|both|neither) of (the )?(above|these|the options)\b|\b(todas|ninguna|ambas|ninguno) (de )?(las|los|estas|estos) (anteriores|opciones)\b|\b(todo|nada) lo anterior\b/i,
} as const;

export interface BankFigures {
  questions: number;
  types: Record<string, number>;
  trueFalse: { total: number; keyedTrue: number };
  choice: number;
  /** Choice questions whose longest option is a key, per language. */
  longestKey: Record<Language, number>;
  /** Choice questions whose shortest option is a key, per language. */
  shortestKey: Record<Language, number>;
  /** Choice questions where no key is the longest or the shortest option, per language. */
  betweenKey: Record<Language, number>;
  applied: number;
}

const words = (text: string) => text.trim().split(/\s+/).length;

/** Options of a choice question as [text, isKey] per language. */
function choiceOptions(question: Question, language: Language): Array<[number, boolean]> | undefined {
  if (question.type === 'single-choice') return question.options.map((o) => [o.text[language].length, o.id === question.answer]);
  if (question.type === 'multiple-response') return question.options.map((o) => [o.text[language].length, question.answers.includes(o.id)]);
  return undefined;
}

/** True when a key is (or ties for) the longest option; with `shortest`, the shortest. */
export function longestIsKey(question: Question, language: Language, shortest = false): boolean | undefined {
  const options = choiceOptions(question, language);
  if (!options) return undefined;
  const lengths = options.map(([length]) => length);
  const extreme = shortest ? Math.min(...lengths) : Math.max(...lengths);
  return options.some(([length, key]) => key && length === extreme);
}

/** True when no key is (or ties for) the longest or the shortest option. */
export function betweenIsKey(question: Question, language: Language): boolean | undefined {
  const longest = longestIsKey(question, language);
  if (longest === undefined) return undefined;
  return !longest && !longestIsKey(question, language, true);
}

export function bankFigures(questions: readonly Question[]): BankFigures {
  const figures: BankFigures = {
    questions: questions.length,
    types: {},
    trueFalse: { total: 0, keyedTrue: 0 },
    choice: 0,
    longestKey: { en: 0, es: 0 },
    shortestKey: { en: 0, es: 0 },
    betweenKey: { en: 0, es: 0 },
    applied: 0,
  };
  for (const question of questions) {
    figures.types[question.type] = (figures.types[question.type] ?? 0) + 1;
    if (question.type === 'true-false') {
      figures.trueFalse.total++;
      if (question.answer) figures.trueFalse.keyedTrue++;
    }
    if (question.type === 'single-choice' || question.type === 'multiple-response') {
      figures.choice++;
      for (const language of LANGUAGES) {
        if (longestIsKey(question, language)) figures.longestKey[language]++;
        if (longestIsKey(question, language, true)) figures.shortestKey[language]++;
        if (betweenIsKey(question, language)) figures.betweenKey[language]++;
      }
    }
    if (question.applied) figures.applied++;
  }
  return figures;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** Rules every question obeys, graded or not. */
export function itemProblems(questions: readonly Question[], path: ReadonlyArray<string | number>, source: YamlSource): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const rules = ITEM_WRITING;
  questions.forEach((question, i) => {
    const at = (...rest: Array<string | number>) => source.lineOf([...path, i, ...rest]);
    const problem = (line: number | undefined, message: string) => problems.push({ file: source.file, line, message: `question "${question.id}": ${message}` });
    if (question.type === 'single-choice' || question.type === 'multiple-response') {
      const keys = question.type === 'single-choice' ? 1 : question.answers.length;
      const wrong = question.options.length - keys;
      if (wrong < rules.minWrongOptions) problem(at('options'), `has ${wrong} wrong option${wrong === 1 ? '' : 's'}; write at least ${rules.minWrongOptions} plausible ones`);
      question.options.forEach((option, j) => {
        for (const language of LANGUAGES) {
          if (rules.forbiddenOption.test(option.text[language])) problem(at('options', j, 'text', language), `option "${option.id}" (${language}) is an "all/none of the above" option; write a real one`);
        }
      });
    }
    if (question.type === 'matching' && question.targets.length < question.sources.length + rules.spareTargets) {
      problem(at('targets'), `has ${question.targets.length} targets for ${question.sources.length} items; add ${rules.spareTargets} spare target so the last pair is not given away`);
    }
    if (question.applied && words(question.prompt.en) < rules.minCaseWords) {
      problem(at('prompt'), `is marked applied but its stem has ${words(question.prompt.en)} words; an applied stem tells a case (${rules.minCaseWords} words or more)`);
    }
  });
  return problems;
}

/** Rules of a graded bank as a whole. */
export function bankProblems(questions: readonly Question[], path: ReadonlyArray<string | number>, source: YamlSource): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const rules = ITEM_WRITING;
  const figures = bankFigures(questions);
  const line = source.lineOf(path);
  const linesOf = (match: (q: Question) => boolean) =>
    questions.flatMap((q, i) => (match(q) ? [source.lineOf([...path, i])] : [])).join(', ');
  const problem = (message: string) => problems.push({ file: source.file, line, message });
  if (figures.questions < rules.minQuestions) problem(`the quiz has ${figures.questions} questions; a graded bank needs at least ${rules.minQuestions}`);
  const missing = rules.types.filter((type) => !figures.types[type]);
  if (missing.length) problem(`the quiz has no ${missing.join(', ')} question; use all five types`);
  const { total, keyedTrue } = figures.trueFalse;
  if (total > 0) {
    const share = keyedTrue / total;
    if (share < rules.trueShare.min || share > rules.trueShare.max) {
      problem(
        `${keyedTrue} of ${total} true/false questions (${percent(share)}) are keyed true, outside ${percent(rules.trueShare.min)} to ${percent(rules.trueShare.max)}; ` +
          `keyed ${share < rules.trueShare.min ? 'false' : 'true'} at lines ${linesOf((q) => q.type === 'true-false' && q.answer === share > rules.trueShare.max)}`,
      );
    }
  }
  for (const language of LANGUAGES) {
    const share = figures.choice ? figures.longestKey[language] / figures.choice : 0;
    if (share > rules.longestKeyMax) {
      problem(
        `in ${figures.longestKey[language]} of ${figures.choice} choice questions (${percent(share)}, ${language}) the longest option is a key, above ${percent(rules.longestKeyMax)}; ` +
          `see lines ${linesOf((q) => longestIsKey(q, language) === true)}`,
      );
    }
    const shortShare = figures.choice ? figures.shortestKey[language] / figures.choice : 0;
    if (shortShare > rules.shortestKeyMax) {
      problem(
        `in ${figures.shortestKey[language]} of ${figures.choice} choice questions (${percent(shortShare)}, ${language}) the shortest option is a key, above ${percent(rules.shortestKeyMax)}; ` +
          `see lines ${linesOf((q) => longestIsKey(q, language, true) === true)}`,
      );
    }
    const betweenShare = figures.choice ? figures.betweenKey[language] / figures.choice : 0;
    if (betweenShare > rules.betweenKeyMax) {
      problem(
        `in ${figures.betweenKey[language]} of ${figures.choice} choice questions (${percent(betweenShare)}, ${language}) no key is the longest or the shortest option, above ${percent(rules.betweenKeyMax)}; ` +
          `see lines ${linesOf((q) => betweenIsKey(q, language) === true)}`,
      );
    }
  }
  const appliedShare = figures.questions ? figures.applied / figures.questions : 0;
  if (appliedShare < rules.minAppliedShare) {
    problem(`${figures.applied} of ${figures.questions} questions (${percent(appliedShare)}) are applied (a case in the stem, "applied: true"); at least ${percent(rules.minAppliedShare)} must be`);
  }
  return problems;
}

export interface ScenarioFigures {
  scenes: number;
  /** Scenes whose best choice is (or ties for) the longest, per language. */
  longestBest: Record<Language, number>;
  /** Scenes whose best choice is (or ties for) the shortest, and is not the longest. */
  shortestBest: Record<Language, number>;
  /** Scenes whose best choice is neither: "pick the middle length" is a tell too. */
  betweenBest: Record<Language, number>;
}

type Position = 'longest' | 'shortest' | 'between';

/** Where the best choice of a scene falls by length; a tie with the longest counts as longest. */
function bestPosition(scene: ScenarioFile['scenes'][number], language: Language): Position {
  const lengths = scene.choices.map((c) => c.text[language].length);
  const best = scene.choices.filter((c) => c.best).map((c) => c.text[language].length);
  if (best.some((length) => length === Math.max(...lengths))) return 'longest';
  if (best.some((length) => length === Math.min(...lengths))) return 'shortest';
  return 'between';
}

export function scenarioFigures(scenario: ScenarioFile): ScenarioFigures {
  const figures: ScenarioFigures = { scenes: scenario.scenes.length, longestBest: { en: 0, es: 0 }, shortestBest: { en: 0, es: 0 }, betweenBest: { en: 0, es: 0 } };
  const field = { longest: 'longestBest', shortest: 'shortestBest', between: 'betweenBest' } as const;
  for (const scene of scenario.scenes) for (const language of LANGUAGES) figures[field[bestPosition(scene, language)]][language]++;
  return figures;
}

export function scenarioProblems(scenario: ScenarioFile, source: YamlSource): ContentProblem[] {
  const figures = scenarioFigures(scenario);
  const rules: Array<[Position, keyof ScenarioFigures, number, string]> = [
    ['longest', 'longestBest', ITEM_WRITING.scenarioLongestBestMax, 'the longest'],
    ['shortest', 'shortestBest', ITEM_WRITING.scenarioShortestBestMax, 'the shortest'],
    ['between', 'betweenBest', ITEM_WRITING.scenarioBetweenBestMax, 'neither the longest nor the shortest'],
  ];
  return LANGUAGES.flatMap((language) =>
    rules.flatMap(([position, field, max, words]) => {
      const count = (figures[field] as Record<Language, number>)[language];
      const share = count / figures.scenes;
      if (share <= max) return [];
      const lines = scenario.scenes.flatMap((scene, i) => (bestPosition(scene, language) === position ? [source.lineOf(['scenes', i, 'id'])] : []));
      return [
        {
          file: source.file,
          line: lines[0],
          message: `scenario "${scenario.id}": in ${count} of ${figures.scenes} scenes (${percent(share)}, ${language}) the best choice is ${words}, above ${percent(max)}; scenes at lines ${lines.join(', ')}`,
        },
      ];
    }),
  );
}
