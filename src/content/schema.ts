/**
 * The content schema: what authors may write in modules/, validated at build time.
 * The runtime imports only the *types* from here (type-only imports), so zod never
 * reaches the shipped bundle.
 */
import { z } from 'zod';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (lowercase letters, digits and single hyphens)')
  .max(40, 'must be at most 40 characters');

/** Text authored once per language; every shipped language is required. */
export const localizedText = z.object(
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
  description: localizedText,
  defaultLanguage: z.enum(LANGUAGES),
  passingScore: percent,
  /** How the single-SCO course package turns module quiz scores into one score. */
  scoreRollup: z.enum(['mean', 'minimum']).default('mean'),
  modules: z.array(z.string().regex(/^\d\d-[a-z0-9-]+$/, 'must be a module folder name such as 01-preparedness')).min(1),
});
export type CourseFile = z.infer<typeof courseFileSchema>;

export const objectiveSchema = z.strictObject({
  id: kebabId,
  guidelines: z.array(
    z.number().int('must be a whole guideline number').min(1, 'MICIC has Guidelines 1 to 15').max(15, 'MICIC has Guidelines 1 to 15'),
  ),
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
});
export type ModuleFile = z.infer<typeof moduleFileSchema>;

/* ---- The compiled shapes the runtime receives ---- */

export interface PageSummary {
  id: string;
  title: LocalizedText;
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
}

/** Everything the shell needs before any page text is loaded. */
export interface CourseIndex {
  id: string;
  version: string;
  /** Short hash of all content: saved progress is tied to it. */
  contentHash: string;
  languages: readonly Language[];
  defaultLanguage: Language;
  title: LocalizedText;
  description: LocalizedText;
  passingScore: number;
  scoreRollup: CourseFile['scoreRollup'];
  modules: ModuleSummary[];
}

export interface CompiledPage {
  id: string;
  title: string;
  /** Safe HTML compiled from Markdown at build time (raw HTML is rejected). */
  html: string;
}

/** One module's text in one language: one lazily loaded chunk. */
export interface ModuleContent {
  moduleId: string;
  language: Language;
  pages: CompiledPage[];
}
