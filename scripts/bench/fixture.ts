/**
 * The growth fixture: the course's real modules/ copied into a temporary folder, with each module
 * copied again twice under new ids (`<id>-b`, `<id>-c`), so a build of nine modules can be measured
 * against the three real ones. Build it with MICIC_CONTENT_ROOT=<folder>.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

export function growthFixture(root: string, copies = ['b', 'c']): { dir: string; modules: number } {
  const dir = mkdtempSync(join(tmpdir(), 'micic-growth-'));
  const modules = join(dir, 'modules');
  cpSync(join(root, 'modules'), modules, { recursive: true });
  const coursePath = join(modules, 'course.yaml');
  const course = parse(readFileSync(coursePath, 'utf8')) as { modules: string[] };
  const real = [...course.modules];
  const creditsPath = join(modules, 'media-credits.yaml');
  const credits = parse(readFileSync(creditsPath, 'utf8')) as { credits: Array<{ files: string[] }> };
  let number = real.length;
  for (const copy of copies) {
    for (const folder of real) {
      const name = folder.replace(/^\d+-/, '');
      const target = `${String(++number).padStart(2, '0')}-${name}-${copy}`;
      cpSync(join(modules, folder), join(modules, target), { recursive: true });
      const modulePath = join(modules, target, 'module.yaml');
      // Only the module's own id changes: its first top-level `id:` line.
      writeFileSync(modulePath, readFileSync(modulePath, 'utf8').replace(/^id: (\S+)$/m, `id: $1-${copy}`));
      course.modules.push(target);
      for (const group of credits.credits) {
        group.files.push(...group.files.filter((f) => f.startsWith(`${folder}/`)).map((f) => `${target}/${f.slice(folder.length + 1)}`));
      }
    }
  }
  writeFileSync(coursePath, stringify(course));
  writeFileSync(creditsPath, stringify(credits));
  return { dir, modules: readdirSync(modules).filter((f) => /^\d+-/.test(f)).length };
}

