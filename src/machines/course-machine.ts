/**
 * Course navigation: where the learner is, which pages they have seen, in which language.
 * Pure: no DOM, no LMS. The shell renders its snapshot; the progress codec saves a compact
 * projection of it (see src/progress).
 */
import { assign, createActor, setup, type Actor } from 'xstate';
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
function flatIndex(modules: readonly ScopeModule[], position: Position): number {
  let index = 0;
  for (let m = 0; m < position.module; m++) index += modules[m]!.pageIds.length;
  return index + position.page;
}

function positionAt(modules: readonly ScopeModule[], flat: number): Position {
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

function markVisited(visited: boolean[][], position: Position): boolean[][] {
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
function homeView(modules: readonly ScopeModule[]): CourseView {
  return modules.length > 1 ? 'home' : 'landing';
}

export function isModuleComplete(context: CourseContext, moduleIndex: number): boolean {
  return context.visited[moduleIndex]?.every(Boolean) ?? false;
}

export const courseMachine = setup({
  types: {
    context: {} as CourseContext,
    events: {} as CourseEvent,
    input: {} as CourseInput,
  },
  guards: {
    // Next and previous move between pages; from the home or a landing the learner goes on with Continue.
    hasNext: ({ context }) => context.view === 'page' && flatIndex(context.modules, context.position) < pageCount(context.modules) - 1,
    hasPrevious: ({ context }) => context.view === 'page' && flatIndex(context.modules, context.position) > 0,
    isValidTarget: ({ context, event }) => event.type === 'nav.goto' && isValidPosition(context.modules, event.position),
    isValidModule: ({ context, event }) => (event.type === 'nav.landing' || event.type === 'nav.continue') && !!context.modules[event.module],
  },
  actions: {
    moveBy: assign(({ context }, step: number) => {
      const position = positionAt(context.modules, flatIndex(context.modules, context.position) + step);
      // Going on into the next module opens its landing (objectives and time) before its first page.
      if (step > 0 && position.module !== context.position.module) return { view: 'landing' as const, position };
      return { view: 'page' as const, position, visited: markVisited(context.visited, position) };
    }),
    moveTo: assign(({ context, event }) => {
      if (event.type !== 'nav.goto') return {};
      return { view: 'page' as const, position: event.position, visited: markVisited(context.visited, event.position) };
    }),
    showHome: assign(({ context }) => ({ view: homeView(context.modules) })),
    showLanding: assign(({ context, event }) => {
      if (event.type !== 'nav.landing') return {};
      return { view: 'landing' as const, position: { module: event.module, page: resumePage(context, event.module) } };
    }),
    continueModule: assign(({ context, event }) => {
      if (event.type !== 'nav.continue') return {};
      const position = { module: event.module, page: resumePage(context, event.module) };
      return { view: 'page' as const, position, visited: markVisited(context.visited, position) };
    }),
    setLanguage: assign(({ event }) => (event.type === 'language.set' ? { language: event.language } : {})),
  },
}).createMachine({
  id: 'course',
  context: ({ input }) => {
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
  },
  initial: 'browsing',
  states: {
    browsing: {
      on: {
        'nav.next': { guard: 'hasNext', actions: { type: 'moveBy', params: 1 } },
        'nav.previous': { guard: 'hasPrevious', actions: { type: 'moveBy', params: -1 } },
        'nav.goto': { guard: 'isValidTarget', actions: 'moveTo' },
        'nav.home': { actions: 'showHome' },
        'nav.landing': { guard: 'isValidModule', actions: 'showLanding' },
        'nav.continue': { guard: 'isValidModule', actions: 'continueModule' },
        'language.set': { actions: 'setLanguage' },
      },
    },
  },
});

export type CourseActor = Actor<typeof courseMachine>;

/** Creates (not yet started) the course actor; the rest of the app never touches XState directly. */
export function createCourseActor(input: CourseInput): CourseActor {
  return createActor(courseMachine, { input });
}
