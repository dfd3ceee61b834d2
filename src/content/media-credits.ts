/**
 * modules/media-credits.yaml: who made each image and under which licence, shown to learners on
 * the references page. Every image in a module's media folder must be credited exactly once, and
 * every credited file must exist.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ContentProblem } from './errors.ts';
import { localizedText } from './schema.ts';
import { validateYaml, type YamlSource } from './yaml-source.ts';

export const CREDITS_FILE = 'media-credits.yaml';

export const mediaCreditsSchema = z.strictObject({
  credits: z.array(
    z.strictObject({
      /** Paths relative to modules/, e.g. 01-preparedness/media/banner.svg */
      files: z.array(z.string().regex(/^[a-z0-9-]+\/media\/[a-z0-9][a-z0-9.-]*$/, 'must be "<module folder>/media/<file>"')).min(1),
      what: localizedText,
      credit: localizedText,
      licence: z.string().trim().min(1),
    }),
  ),
});
export type MediaCredits = z.infer<typeof mediaCreditsSchema>['credits'];

/**
 * @param root the modules folder
 * @param mediaFiles every image found, relative to the project root (modules/<folder>/media/<file>)
 */
export function readMediaCredits(
  root: string,
  modulesDir: string,
  mediaFiles: readonly string[],
  readYaml: (path: string) => YamlSource | undefined,
  problems: ContentProblem[],
): MediaCredits {
  const path = join(root, CREDITS_FILE);
  const file = `${modulesDir}/${CREDITS_FILE}`;
  if (!existsSync(path)) {
    if (mediaFiles.length > 0) problems.push({ file, message: `is missing; it must credit every image (first: ${mediaFiles[0]})` });
    return [];
  }
  const source = readYaml(path);
  const parsed = source && validateYaml(source, mediaCreditsSchema);
  if (!parsed) return [];
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return [];
  }
  const credited = new Map<string, number>();
  parsed.value.credits.forEach((entry, i) =>
    entry.files.forEach((name, j) => {
      const line = source.lineOf(['credits', i, 'files', j]);
      const full = `${modulesDir}/${name}`;
      if (credited.has(full)) problems.push({ file, line, message: `"${name}" is credited twice` });
      else if (!mediaFiles.includes(full)) problems.push({ file, line, message: `"${name}" is credited but there is no such image` });
      credited.set(full, i);
    }),
  );
  for (const media of mediaFiles) {
    if (!credited.has(media)) problems.push({ file, message: `${media} has no credit and licence; add it to a "files" list` });
  }
  return parsed.value.credits;
}
