/**
 * Where saved progress puts the learner, read without the content's details: the language, the
 * page, and the pages seen, fitted to this build's pages by their keys. The first view is drawn
 * from this before the quiz keys, scenario graphs and codecs have loaded; migration.ts fits the
 * rest (and fits pages the same way, with these functions).
 */
import type { Language } from '../content/schema';
import type { Position } from '../machines/course-navigation';
import { parseProgress, FORMAT_TAG } from './parse';
import { moduleKey, pageKey } from './structure-keys';

export interface PagedModule {
  id: string;
  pageIds: readonly string[];
}

export interface SavedPlace {
  language: Language;
  position: Position;
  visited: boolean[][];
}

/** Which of the module's pages the saved page keys name. */
export function fitVisited(module: PagedModule, savedPages: readonly string[] | undefined): boolean[] {
  return module.pageIds.map((id) => savedPages?.includes(pageKey(id)) ?? false);
}

/** The saved page, or the start of its module (or of the scope) when it is no longer there. */
export function fitPosition(saved: { module: string; page: string }, modules: readonly PagedModule[]): Position {
  const module = Math.max(0, modules.findIndex((m) => moduleKey(m.id) === saved.module));
  const page = Math.max(0, modules[module]!.pageIds.findIndex((id) => pageKey(id) === saved.page));
  return { module, page };
}

/** The place a suspend_data text of this format saves; undefined when it is empty, older or unreadable. */
export function savedPlace(text: string, modules: readonly PagedModule[]): SavedPlace | undefined {
  if (!text.startsWith(`${FORMAT_TAG}|`)) return undefined;
  const parsed = parseProgress(text);
  if (typeof parsed === 'string') return undefined;
  return {
    language: parsed.language,
    position: fitPosition(parsed.position, modules),
    visited: modules.map((module) => fitVisited(module, parsed.modules.find((m) => m.key === moduleKey(module.id))?.pages)),
  };
}
