/**
 * The growth fixture: the course's real modules/ copied into a temporary folder, with each module
 * copied again twice under new ids (`<id>-b`, `<id>-c`), so a build of nine modules can be measured
 * against the three real ones. Build it with MICIC_CONTENT_ROOT=<folder>.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { SCENARIO_EXEMPTIONS } from '../../src/content/item-writing.ts';

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
      for (const exempt of SCENARIO_EXEMPTIONS.filter((f) => f.startsWith(`modules/${folder}/`))) {
        lengthenOtherChoices(join(modules, target, exempt.slice(`modules/${folder}/`.length)));
      }
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

type Scene = { choices: Array<{ best?: boolean; text: Record<string, string> }> };

/**
 * The item-writing rule's exemptions name the real files: in a copy, a scene whose best choice is
 * the longest gets a longer other choice instead, so the copy passes the rule (the texts are unread).
 */
function lengthenOtherChoices(path: string): void {
  const scenario = parse(readFileSync(path, 'utf8')) as { scenes: Scene[] };
  for (const scene of scenario.scenes) {
    const other = scene.choices.find((c) => !c.best);
    const best = scene.choices.find((c) => c.best);
    if (!other || !best) continue;
    for (const language of Object.keys(best.text)) {
      const longest = Math.max(...scene.choices.map((c) => c.text[language]?.length ?? 0));
      if ((best.text[language]?.length ?? 0) >= longest) other.text[language] = `${other.text[language]}${' (copy)'.repeat(Math.ceil((longest + 1 - other.text[language]!.length) / 7))}`;
    }
  }
  writeFileSync(path, stringify(scenario));
}
