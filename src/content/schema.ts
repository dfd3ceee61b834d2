/**
 * The content schema: what authors may write in modules/, validated at build time.
 * The runtime imports only the *types* from here (type-only imports), so zod never
 * reaches the shipped bundle.
 */
import { z } from 'zod';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (lowercase letters, digits and single hyphens)')
  .max(40, 'must be at most 40 characters');

/** Text authored once per language; every shipped language is required. */
// Strict: in a YAML flow mapping an unquoted comma splits the text into a stray key; refusing
// unknown keys turns that silent truncation into an error.
export const localizedText = z.strictObject(
  {
    en: z.string().trim().min(1, 'the English text is empty'),
    es: z.string().trim().min(1, 'the Spanish text is empty'),
  },
  { error: 'must give the text in both English (en) and Spanish (es)' },
);
export type LocalizedText = z.infer<typeof localizedText>;

const percent = z.number().int('must be a whole number').min(0).max(100);

export const courseFileSchema = z.strictObject({
  id: kebabId,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0'),
  title: localizedText,
  /** A short name for narrow screens (the phone header), e.g. the acronym. */
  shortTitle: localizedText.optional(),
  description: localizedText,
  defaultLanguage: z.enum(LANGUAGES),
  passingScore: percent,
  /** How the single-SCO course package turns module quiz scores into one score. */
  scoreRollup: z.enum(['mean', 'minimum']).default('mean'),
  modules: z.array(z.string().regex(/^\d\d-[a-z0-9-]+$/, 'must be a module folder name such as 01-preparedness')).min(1),
});
export type CourseFile = z.infer<typeof courseFileSchema>;

const guidelineNumber = z
  .number()
  .int('must be a whole guideline number')
  .min(1, 'MICIC has Guidelines 1 to 15')
  .max(15, 'MICIC has Guidelines 1 to 15');

export const objectiveSchema = z.strictObject({
  id: kebabId,
  guidelines: z.array(guidelineNumber),
  text: localizedText,
});
export type Objective = z.infer<typeof objectiveSchema>;

export const moduleFileSchema = z.strictObject({
  id: kebabId,
  title: localizedText,
  summary: localizedText,
  masteryScore: percent,
  objectives: z.array(objectiveSchema).min(1, 'a module needs at least one learning objective'),
  pages: z.array(kebabId).min(1, 'a module needs at least one page'),
  /** Pages that only open or close the module (no teaching): exempt from knowledge checks, counted for nothing in traceability. */
  navigationPages: z.array(kebabId).default([]),
  /** The module's banner on the course home and the module landing: "media/<file>" (decorative). */
  banner: z.string().optional(),
  /** Questions a trainee brings to the in-person session: on the workshop card and in the facilitator guide. */
  workshopPrompts: z.array(localizedText).default([]),
  /** Minutes for the in-person session, used for the facilitator guide's suggested agenda. */
  sessionMinutes: z.number().int().min(60).max(480).default(180),
});
export type ModuleFile = z.infer<typeof moduleFileSchema>;

/* ---- Questions: the graded quiz (quiz.yaml) and knowledge checks in pages (checks.yaml) ---- */

const choiceOption = z.strictObject({ id: kebabId, text: localizedText, feedback: localizedText.optional() });
const labelled = z.strictObject({ id: kebabId, text: localizedText });

const questionBase = {
  id: kebabId,
  /** The learning objective (module.yaml) this question assesses. */
  objective: kebabId,
  /**
   * The MICIC Guidelines the question tests; the explanation cites them in words. Empty only for
   * questions on the Initiative itself (who led it, what kind of text it is).
   */
  guidelines: z.array(guidelineNumber),
  prompt: localizedText,
  explanation: localizedText,
  /** The stem tells a short case to apply the course to, rather than asking for recall (item-writing.ts). */
  applied: z.boolean().default(false),
  /** The MICIC Principles (1 to 10) the question tests, if any. */
  principles: z.array(z.number().int().min(1, 'MICIC has Principles 1 to 10').max(10, 'MICIC has Principles 1 to 10')).default([]),
};

export const questionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      ...questionBase,
      type: z.literal('single-choice'),
      options: z.array(choiceOption).min(2, 'needs at least two options').max(8, 'at most eight options'),
      answer: kebabId,
    }),
    z.strictObject({
      ...questionBase,
      type: z.literal('multiple-response'),
      options: z.array(choiceOption).min(2, 'needs at least two options').max(8, 'at most eight options'),
      answers: z.array(kebabId).min(1, 'a question needs at least one correct answer'),
      partialCredit: z.boolean().default(true),
    }),
    z.strictObject({
      ...questionBase,
      type: z.literal('true-false'),
      answer: z.boolean(),
      feedback: z.strictObject({ true: localizedText.optional(), false: localizedText.optional() }).optional(),
    }),
    z.strictObject({
      ...questionBase,
      type: z.literal('ordering'),
      /** Written in the correct order; learners see them shuffled. */
      items: z.array(labelled).min(2, 'needs at least two items').max(8, 'at most eight items'),
      partialCredit: z.boolean().default(true),
    }),
    z.strictObject({
      ...questionBase,
      type: z.literal('matching'),
      sources: z.array(labelled).min(2, 'needs at least two items to match').max(8, 'at most eight items'),
      /** May hold more targets than sources (distractors); at most ten, as SCORM 1.2 matching needs. */
      targets: z.array(labelled).min(2, 'needs at least two targets').max(10, 'at most ten targets'),
      /** source id → target id */
      answer: z.record(kebabId, kebabId),
      partialCredit: z.boolean().default(true),
    }),
  ],
  { error: 'type must be one of single-choice, multiple-response, true-false, ordering, matching' },
);
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];

export const quizFileSchema = z.strictObject({
  /** Attempts at the whole quiz; 0 means unlimited. */
  attempts: z.number().int().min(0).default(0),
  /** Which score counts when the quiz is retaken. */
  keep: z.enum(['best', 'last']).default('best'),
  /** Draw this many questions from the bank for each attempt (all when absent). */
  draw: z.number().int().min(1).optional(),
  questions: z.array(questionSchema).min(1, 'a quiz needs at least one question'),
});
export type QuizFile = z.infer<typeof quizFileSchema>;

export const checksFileSchema = z.strictObject({
  checks: z.array(questionSchema).min(1, 'checks.yaml needs at least one check'),
});

/* ---- Branching crisis scenarios (scenarios/*.yaml) ---- */

const indicatorSchema = z.strictObject({
  id: kebabId,
  label: localizedText,
  min: z.number(),
  max: z.number(),
  start: z.number(),
});

const scenarioChoiceSchema = z.strictObject({
  id: kebabId,
  text: localizedText,
  consequence: localizedText,
  /** The MICIC Guidelines this decision touches. */
  guidelines: z.array(guidelineNumber).min(1, 'a choice must cite at least one MICIC guideline'),
  /** Exactly one choice per scene is the best one: the debrief's "best path" and the LMS's correct response. */
  best: z.boolean().default(false),
  score: z.number().int().min(0).default(0),
  /** Indicator changes, e.g. { reached: 20, trust: -10 } */
  effects: z.record(kebabId, z.number()).default({}),
  /** A scene id, or an ending id. */
  next: kebabId,
});

export const scenarioFileSchema = z.strictObject({
  id: kebabId,
  /** The learning objectives of this module that the scenario serves (its score counts toward them). */
  objectives: z.array(kebabId).min(1, 'a scenario must serve at least one learning objective'),
  title: localizedText,
  role: localizedText,
  setting: localizedText,
  indicators: z.array(indicatorSchema).max(4, 'at most four indicators'),
  start: kebabId,
  scenes: z
    .array(
      z.strictObject({
        id: kebabId,
        situation: localizedText,
        choices: z.array(scenarioChoiceSchema).min(2, 'a scene needs at least two choices').max(4, 'at most four choices'),
      }),
    )
    .min(1),
  endings: z
    .array(
      z.strictObject({
        id: kebabId,
        kind: z.enum(['good', 'mixed', 'poor']),
        title: localizedText,
        debrief: localizedText,
      }),
    )
    .min(1),
});
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

/** A scenario without its texts: the graph the scenario machine is built from. */
export interface ScenarioKey {
  id: string;
  /** Shown in the contents before the scenario's texts load. */
  title: LocalizedText;
  objectives: string[];
  indicators: Array<{ id: string; min: number; max: number; start: number }>;
  start: string;
  scenes: Array<{
    id: string;
    choices: Array<{ id: string; next: string; score: number; best: boolean; effects: Record<string, number>; guidelines: number[] }>;
  }>;
  endings: Array<{ id: string; kind: 'good' | 'mixed' | 'poor' }>;
  /** The score of the best path: 100% of the scenario. */
  bestScore: number;
}

/** A scenario's texts in one language. */
export interface ScenarioText {
  title: string;
  role: string;
  setting: string;
  indicators: Record<string, string>;
  scenes: Record<string, { situation: string; choices: Record<string, { text: string; consequence: string }> }>;
  endings: Record<string, { title: string; debrief: string }>;
}

/* ---- Glossary and references (modules/glossary.yaml, modules/references.yaml) ---- */

export const glossaryFileSchema = z.strictObject({
  terms: z.array(z.strictObject({ term: localizedText, definition: localizedText })).min(1),
});

export const referencesFileSchema = z.strictObject({
  references: z
    .array(z.strictObject({ title: localizedText, url: z.string().regex(/^https:\/\/\S+$/, 'must be an https:// address') }))
    .min(1),
});

/** The 15 Guidelines by phase (modules/guidelines.yaml): each number once, 1 to 15 in order. */
export const guidelinesFileSchema = z
  .strictObject({
    note: localizedText,
    phases: z
      .array(
        z.strictObject({
          id: kebabId,
          title: localizedText,
          guidelines: z.array(z.strictObject({ number: guidelineNumber, title: localizedText, tool: localizedText.optional() })).min(1),
        }),
      )
      .min(1),
  })
  .superRefine((file, ctx) => {
    const numbers = file.phases.flatMap((phase) => phase.guidelines.map((g) => g.number));
    if (numbers.join() !== Array.from({ length: 15 }, (_, i) => i + 1).join()) {
      ctx.addIssue({ code: 'custom', path: ['phases'], message: `must list Guidelines 1 to 15 once each, in order (found ${numbers.join(', ')})` });
    }
  });

/** The Guidelines table in one language. */
export interface GuidelinePhase {
  title: string;
  guidelines: Array<{ number: number; title: string; tool?: string }>;
}

/** The glossary, references and Guidelines table in one language: loaded when the learner opens them. */
export interface ReferenceContent {
  language: Language;
  glossary: Array<{ term: string; definition: string }>;
  references: Array<{ title: string; url: string }>;
  guidelines: { note: string; phases: GuidelinePhase[] };
  /** Who made the course's images, and their licences (modules/media-credits.yaml). */
  credits: Array<{ what: string; credit: string; licence: string }>;
}

/* ---- The compiled shapes the runtime receives ---- */

/** The MICIC Principles a question tests (absent when none): for traceability only. */
interface PrincipleTags {
  principles?: number[];
}

/** A question without its texts: what the quiz machine needs to run and score. */
export type QuestionKey =
  | ({ id: string; type: 'single-choice'; objective: string; guidelines: number[]; options: string[]; answer: string } & PrincipleTags)
  | ({ id: string; type: 'multiple-response'; objective: string; guidelines: number[]; options: string[]; answers: string[]; partialCredit: boolean } & PrincipleTags)
  | ({ id: string; type: 'true-false'; objective: string; guidelines: number[]; answer: boolean } & PrincipleTags)
  | ({ id: string; type: 'ordering'; objective: string; guidelines: number[]; items: string[]; partialCredit: boolean } & PrincipleTags)
  | ({
      id: string;
      type: 'matching';
      objective: string;
      guidelines: number[];
      sources: string[];
      targets: string[];
      answer: Record<string, string>;
      partialCredit: boolean;
    } & PrincipleTags);

export interface QuizKey {
  attempts: number;
  keep: 'best' | 'last';
  draw: number;
  questions: QuestionKey[];
  /** The page that teaches each question, by question id (the review links missed questions to it). */
  teaching?: Record<string, string>;
}

/** A question's texts in one language. */
export interface QuestionText {
  prompt: string;
  explanation: string;
  /** Option, item, source and target texts by id. */
  labels: Record<string, string>;
  /** Feedback by option id, or by "true"/"false". */
  feedback: Record<string, string>;
}

export interface PageSummary {
  id: string;
  title: LocalizedText;
  /** Estimated minutes to study the page (reading and checks), computed at build. */
  minutes: number;
}

export interface ModuleSummary {
  id: string;
  /** Position in the course, 1-based: shown to learners as "Module 1". */
  number: number;
  folder: string;
  title: LocalizedText;
  summary: LocalizedText;
  masteryScore: number;
  objectives: Objective[];
  pages: PageSummary[];
  /** Pages that only open or close the module: no check required, nothing counted in traceability. */
  navigationPages?: string[];
  /** The graded quiz, when the module has one (shown after the pages). */
  quiz?: QuizKey;
  /** Knowledge checks used in the pages, by id. */
  checks: Record<string, QuestionKey>;
  /** Written tasks used in the pages, in tasks.yaml order. */
  tasks?: TaskKey[];
  /** Branching scenarios, shown after the pages and before the quiz. */
  scenarios: ScenarioKey[];
  /**
   * The exercise pages' entries in the contents (each scenario's title and minutes, the quiz's
   * minutes when there is one), so the first view draws the contents without the details.
   */
  exercises: { scenarios: Array<{ id: string; title: LocalizedText; minutes: number }>; quizMinutes?: number };
  workshopPrompts: LocalizedText[];
  sessionMinutes: number;
  /** The banner image in each language (module.yaml "banner"). */
  banner?: Record<Language, ImageRef>;
}

/** An image emitted by the build: its URL relative to the launch page and its intrinsic size. */
export interface ImageRef {
  url: string;
  width: number;
  height: number;
}

/** A module's quiz keys, scenario graphs, checks and prompts: loaded only for the modules a launch covers. */
export type ModuleDetails = Pick<ModuleSummary, 'quiz' | 'scenarios' | 'checks' | 'workshopPrompts' | 'tasks'>;
export type ModuleOutline = Omit<ModuleSummary, keyof ModuleDetails>;
/** The course as the first chunk carries it: every module's outline, no module details. */
export type CourseOutline = Omit<CourseIndex, 'modules'> & { modules: ModuleOutline[] };

/** Everything the shell needs before any page text is loaded. */
export interface CourseIndex {
  id: string;
  version: string;
  /** Short hash of all content: saved progress is tied to it. */
  contentHash: string;
  languages: readonly Language[];
  defaultLanguage: Language;
  title: LocalizedText;
  shortTitle: LocalizedText;
  description: LocalizedText;
  passingScore: number;
  scoreRollup: CourseFile['scoreRollup'];
  modules: ModuleSummary[];
}

/** HTML, a knowledge check, a written task (tasks.yaml), or the module's workshop prompts (from module.yaml). */
export type PageBlock = { html: string } | { check: string } | { task: string } | { prompts: true };

/** A written task without its texts (those travel with the question texts, under the task id). */
export interface TaskKey {
  id: string;
  /** The objective whose promised product (a checklist, a message, a plan) the task produces. */
  objective: string;
  /** How many key points the model answer lists: the learner ticks those their answer covers. */
  points: number;
  /** The longest answer kept, in characters. */
  maxLength: number;
}

export interface CompiledPage {
  id: string;
  title: string;
  /** Safe HTML compiled from Markdown at build time (raw HTML is rejected), split where knowledge checks stand. */
  blocks: PageBlock[];
}

/** A page's chunk: the page, and the texts of the knowledge checks and written tasks on it. */
export interface PageChunk {
  page: CompiledPage;
  questions: Record<string, QuestionText>;
}

/**
 * The chunks of a module's text in one language (content/<module>.<language>.<part>.js): each page
 * with its checks' texts (`page-<id>`), the quiz questions' texts (`quiz`, also the pre-test's),
 * each scenario's (`scenario-<id>`), and the written tasks' for the workshop card (`tasks`).
 */
export type ContentPart = `page-${string}` | 'quiz' | 'tasks' | `scenario-${string}`;

/** One module's text in one language, as loaded so far. */
export interface ModuleContent {
  moduleId: string;
  language: Language;
  pages: CompiledPage[];
  /** Texts of the quiz questions and knowledge checks, by question id. */
  questions: Record<string, QuestionText>;
  /** Texts of the scenarios, by scenario id. */
  scenarios: Record<string, ScenarioText>;
}
