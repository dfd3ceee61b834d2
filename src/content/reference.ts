/**
 * The course-wide reference material reachable from every page: glossary.yaml, references.yaml and
 * guidelines.yaml (the 15 Guidelines by phase). Each file is optional; problems are collected with
 * the rest of the content's.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { ContentProblem } from './errors.ts';
import { glossaryFileSchema, guidelinesFileSchema, referencesFileSchema, type Language, type ReferenceContent } from './schema.ts';
import { validateYaml, type YamlSource } from './yaml-source.ts';
import type { MediaCredits } from './media-credits.ts';

export interface ReferenceFiles {
  glossary?: z.infer<typeof glossaryFileSchema>;
  references?: z.infer<typeof referencesFileSchema>;
  guidelines?: z.infer<typeof guidelinesFileSchema>;
  credits?: MediaCredits;
}

export function readReferenceFiles(root: string, readYaml: (path: string) => YamlSource | undefined, problems: ContentProblem[]): ReferenceFiles {
  const read = <T extends z.ZodType>(name: string, schema: T): z.infer<T> | undefined => {
    const path = join(root, name);
    const source = existsSync(path) ? readYaml(path) : undefined;
    if (!source) return undefined;
    const result = validateYaml(source, schema);
    if (!result.ok) problems.push(...result.problems);
    return result.ok ? result.value : undefined;
  };
  return {
    glossary: read('glossary.yaml', glossaryFileSchema),
    references: read('references.yaml', referencesFileSchema),
    guidelines: read('guidelines.yaml', guidelinesFileSchema),
  };
}

/** The reference material in one language, as the runtime receives it. */
export function referenceIn(files: ReferenceFiles, language: Language): ReferenceContent {
  return {
    language,
    glossary: (files.glossary?.terms ?? []).map((t) => ({ term: t.term[language], definition: t.definition[language] })),
    references: (files.references?.references ?? []).map((r) => ({ title: r.title[language], url: r.url })),
    credits: (files.credits ?? []).map((c) => ({ what: c.what[language], credit: c.credit[language], licence: c.licence })),
    guidelines: {
      note: files.guidelines?.note[language] ?? '',
      phases: (files.guidelines?.phases ?? []).map((phase) => ({
        title: phase.title[language],
        guidelines: phase.guidelines.map((g) => ({ number: g.number, title: g.title[language], ...(g.tool ? { tool: g.tool[language] } : {}) })),
      })),
    },
  };
}
