/**
 * Build-time: a module's pages, read from pages/<id>.<lang>.md and compiled from Markdown, with
 * the problems that fail the build (a missing translation, a check or written task that is not
 * defined or not used, the two languages holding different checks or blocks, a teaching page
 * without a knowledge check).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentProblem } from './errors.ts';
import { compileMarkdown, type CompiledMarkdown } from './markdown.ts';
import type { ModuleMedia } from './media.ts';
import { LANGUAGES, type CompiledPage, type Language, type ModuleFile } from './schema.ts';
import type { YamlSource } from './yaml-source.ts';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Spanish' };

/** Per language, each page's compiled Markdown by page id. */
export type CompiledByLanguage = Map<Language, Map<string, CompiledMarkdown>>;

export function compiledPage(compiled: CompiledByLanguage, language: Language, pageId: string): CompiledPage {
  const page = compiled.get(language)!.get(pageId)!;
  return { id: pageId, title: page.title, blocks: page.blocks };
}

export function compilePages(
  module: ModuleFile,
  folderPath: string,
  source: YamlSource,
  rel: (path: string) => string,
  readText: (path: string) => string,
  problems: ContentProblem[],
  /** The module's knowledge check ids; undefined when they could not be read (already reported). */
  checkIds: ReadonlySet<string> | undefined,
  taskIds: ReadonlySet<string> = new Set(),
  media?: ModuleMedia,
): CompiledByLanguage | undefined {
  const before = problems.length;
  const pagesDir = join(folderPath, 'pages');
  const present = existsSync(pagesDir) ? readdirSync(pagesDir) : [];
  const listed = new Set(module.pages);

  for (const name of present) {
    const match = /^([a-z0-9-]+)\.(en|es)\.md$/.exec(name);
    if (!match) {
      problems.push({ file: rel(join(pagesDir, name)), message: 'page files must be named <page-id>.en.md or <page-id>.es.md' });
    } else if (!listed.has(match[1]!)) {
      problems.push({ file: rel(join(pagesDir, name)), message: `page "${match[1]}" is not listed in module.yaml "pages"` });
    }
  }

  const compiled: CompiledByLanguage = new Map(LANGUAGES.map((l) => [l, new Map()]));
  let unreadPages = false;
  module.pages.forEach((pageId, i) => {
    const missing = LANGUAGES.filter((l) => !present.includes(`${pageId}.${l}.md`));
    if (missing.length > 0) unreadPages = true;
    if (missing.length === LANGUAGES.length) {
      problems.push({
        file: source.file,
        line: source.lineOf(['pages', i]),
        message: `page "${pageId}" is listed but ${rel(join(pagesDir, `${pageId}.en.md`))} does not exist`,
      });
      return;
    }
    for (const language of missing) {
      problems.push({
        file: source.file,
        line: source.lineOf(['pages', i]),
        message: `page "${pageId}" has no ${LANGUAGE_NAMES[language]} translation (${rel(join(pagesDir, `${pageId}.${language}.md`))} is missing)`,
      });
    }
    for (const language of LANGUAGES) {
      if (missing.includes(language)) continue;
      const path = join(pagesDir, `${pageId}.${language}.md`);
      const result = compileMarkdown(rel(path), readText(path), {
        language,
        blockPrefix: `${module.id}.${pageId}`,
        ...(media ? { media: (src: string) => media.resolve(src, language) } : {}),
      });
      if (!result.ok) {
        problems.push(...result.problems);
        unreadPages = true;
        continue;
      }
      for (const check of result.page.checks) {
        if (checkIds && !checkIds.has(check.id)) {
          problems.push({ file: rel(path), line: check.line, message: `knowledge check "${check.id}" is not defined in checks.yaml` });
        }
      }
      for (const task of result.page.tasks) {
        if (!taskIds.has(task.id)) problems.push({ file: rel(path), line: task.line, message: `written task "${task.id}" is not defined in tasks.yaml` });
      }
      compiled.get(language)!.set(pageId, result.page);
    }
    // Both languages must hold the same checks in the same place, or learners would see different pages.
    const [en, es] = LANGUAGES.map((l) => {
      const page = compiled.get(l)!.get(pageId);
      return page ? [...page.checks, ...page.tasks].map((c) => c.id).join(',') : null;
    });
    if (en !== null && es !== null && en !== es) {
      problems.push({
        file: rel(join(pagesDir, `${pageId}.es.md`)),
        message: `the knowledge checks (${es || 'none'}) differ from the English page's (${en || 'none'})`,
      });
    }
    // Interactive blocks keep the learner's state by position, so both languages need the same ones.
    const blockProblem = sameBlocks(compiled.get('en')!.get(pageId), compiled.get('es')!.get(pageId), rel(join(pagesDir, `${pageId}.es.md`)));
    if (blockProblem) problems.push(blockProblem);
  });
  // A page that did not compile may hold the checks: report only the first cause, not its follow-ons.
  const used = new Set([...LANGUAGES].flatMap((l) => [...compiled.get(l)!.values()].flatMap((page) => page.checks.map((c) => c.id))));
  for (const id of unreadPages ? [] : (checkIds ?? [])) {
    if (!used.has(id)) problems.push({ file: rel(join(folderPath, 'checks.yaml')), message: `knowledge check "${id}" is not used on any page` });
  }
  const usedTasks = new Set([...compiled.get('en')!.values()].flatMap((page) => page.tasks.map((t) => t.id)));
  for (const id of taskIds) {
    if (!usedTasks.has(id)) problems.push({ file: rel(join(folderPath, 'tasks.yaml')), message: `written task "${id}" is not used on any page` });
  }
  return problems.length === before ? compiled : undefined;
}

/** Every page that teaches holds a knowledge check; pages declared navigation-only are exempt. */
export function pagesWithoutChecks(module: ModuleFile, source: YamlSource, english: Map<string, CompiledMarkdown>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  module.navigationPages.forEach((pageId, i) => {
    if (!module.pages.includes(pageId)) problems.push({ file: source.file, line: source.lineOf(['navigationPages', i]), message: `navigation page "${pageId}" is not one of the module's pages` });
  });
  module.pages.forEach((pageId, i) => {
    if (module.navigationPages.includes(pageId) || english.get(pageId)?.checks.length) return;
    problems.push({
      file: source.file,
      line: source.lineOf(['pages', i]),
      message: `page "${pageId}" has no knowledge check; add one ("\`\`\`check <id>\`\`\`") or list the page under "navigationPages" if it only opens or closes the module`,
    });
  });
  return problems;
}

/** The first interactive block of the Spanish page that differs from the English page's, if any. */
function sameBlocks(en: CompiledMarkdown | undefined, es: CompiledMarkdown | undefined, file: string): ContentProblem | undefined {
  if (!en || !es) return undefined;
  const shape = (b: CompiledMarkdown['interactive'][number] | undefined) => (b ? `${b.kind} with ${b.items} items` : 'no block');
  for (let i = 0; i < Math.max(en.interactive.length, es.interactive.length); i++) {
    const [a, b] = [en.interactive[i], es.interactive[i]];
    if (shape(a) !== shape(b)) {
      return { file, line: b?.line, message: `interactive block ${i + 1} is ${shape(b)} but the English page has ${shape(a)}: both languages need the same blocks` };
    }
  }
  return undefined;
}
