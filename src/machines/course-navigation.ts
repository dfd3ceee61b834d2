/**
 * Course navigation as data: where the learner is, which pages they have seen, in which language,
 * and the pure rules the course machine (course-machine.ts) moves by. The first view of a launch
 * is drawn from `initialContext` before XState has loaded.
 */
import type { Language } from '../content/schema';

export interface ScopeModule {
  id: string;
  pageIds: readonly string[];
}

export interface Position {
  module: number;
  page: number;
}

/**
 * What the main area shows: the course home (every module as a card), a module's landing (its
 * banner, objectives and time), or a page of the module at `position`.
 */
export type CourseView = 'home' | 'landing' | 'page';

export interface CourseContext {
  modules: readonly ScopeModule[];
  view: CourseView;
  /** The page shown, or, on a landing, the page that module's "Continue" opens. */
  position: Position;
  /** visited[m][p] is true once page p of module m has been shown. */
  visited: boolean[][];
  language: Language;
}

export interface CourseInput {
  modules: readonly ScopeModule[];
  language: Language;
  restored?: { position: Position; visited: boolean[][] };
  /** The first view: the home (a module launch gets its landing instead), a landing, or the page. Default: the page. */
  start?: CourseView;
}

export type CourseEvent =
  | { type: 'nav.next' }
  | { type: 'nav.previous' }
  | { type: 'nav.goto'; position: Position }
  | { type: 'nav.home' }
  | { type: 'nav.landing'; module: number }
  | { type: 'nav.continue'; module: number }
  | { type: 'language.set'; language: Language };

/** Pages are numbered across the whole scope so next/previous can cross module borders. */
export function flatIndex(modules: readonly ScopeModule[], position: Position): number {
  let index = 0;
  for (let m = 0; m < position.module; m++) index += modules[m]!.pageIds.length;
  return index + position.page;
}

export function positionAt(modules: readonly ScopeModule[], flat: number): Position {
  let remaining = flat;
  for (let m = 0; m < modules.length; m++) {
    const count = modules[m]!.pageIds.length;
    if (remaining < count) return { module: m, page: remaining };
    remaining -= count;
  }
  throw new RangeError(`page ${flat} is outside the course`);
}

export function pageCount(modules: readonly ScopeModule[]): number {
  return modules.reduce((sum, m) => sum + m.pageIds.length, 0);
}

export function isValidPosition(modules: readonly ScopeModule[], position: Position): boolean {
  const module = modules[position.module];
  return !!module && Number.isInteger(position.page) && position.page >= 0 && position.page < module.pageIds.length;
}

export function markVisited(visited: boolean[][], position: Position): boolean[][] {
  if (visited[position.module]![position.page]) return visited;
  return visited.map((pages, m) => (m === position.module ? pages.map((seen, p) => seen || p === position.page) : pages));
}

/** The page a module's "Continue" opens: where the learner is in it, else its first page not yet seen, else its first. */
export function resumePage(context: Pick<CourseContext, 'position' | 'visited'>, moduleIndex: number): number {
  if (context.position.module === moduleIndex) return context.position.page;
  const unseen = context.visited[moduleIndex]?.indexOf(false) ?? -1;
  return unseen >= 0 ? unseen : 0;
}

/** The home lists the modules; with one module in scope its landing takes the home's place. */
export function homeView(modules: readonly ScopeModule[]): CourseView {
  return modules.length > 1 ? 'home' : 'landing';
}

export function isModuleComplete(context: CourseContext, moduleIndex: number): boolean {
  return context.visited[moduleIndex]?.every(Boolean) ?? false;
}

/** Where a launch starts: the restored position and pages seen when they fit, else the beginning. */
export function initialContext(input: CourseInput): CourseContext {
  const fresh = input.modules.map((m) => m.pageIds.map(() => false));
  const restored = input.restored;
  const usable =
    restored &&
    isValidPosition(input.modules, restored.position) &&
    restored.visited.length === fresh.length &&
    restored.visited.every((pages, m) => pages.length === fresh[m]!.length);
  const position = usable ? restored.position : { module: 0, page: 0 };
  const view = input.start === 'home' ? homeView(input.modules) : (input.start ?? 'page');
  const visited = usable ? restored.visited : fresh;
  return {
    modules: input.modules,
    language: input.language,
    view,
    position,
    // A page counts as seen only once it is shown, not while the home or a landing is.
    visited: view === 'page' ? markVisited(visited, position) : visited,
  };
}
