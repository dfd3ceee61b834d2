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

export interface CourseContext {
  modules: readonly ScopeModule[];
  position: Position;
  /** visited[m][p] is true once page p of module m has been shown. */
  visited: boolean[][];
  language: Language;
}

export interface CourseInput {
  modules: readonly ScopeModule[];
  language: Language;
  restored?: { position: Position; visited: boolean[][] };
}

export type CourseEvent =
  | { type: 'nav.next' }
  | { type: 'nav.previous' }
  | { type: 'nav.goto'; position: Position }
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
    hasNext: ({ context }) => flatIndex(context.modules, context.position) < pageCount(context.modules) - 1,
    hasPrevious: ({ context }) => flatIndex(context.modules, context.position) > 0,
    isValidTarget: ({ context, event }) => event.type === 'nav.goto' && isValidPosition(context.modules, event.position),
  },
  actions: {
    moveBy: assign(({ context }, step: number) => {
      const position = positionAt(context.modules, flatIndex(context.modules, context.position) + step);
      return { position, visited: markVisited(context.visited, position) };
    }),
    moveTo: assign(({ context, event }) => {
      if (event.type !== 'nav.goto') return {};
      return { position: event.position, visited: markVisited(context.visited, event.position) };
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
    return {
      modules: input.modules,
      language: input.language,
      position,
      visited: markVisited(usable ? restored.visited : fresh, position),
    };
  },
  initial: 'browsing',
  states: {
    browsing: {
      on: {
        'nav.next': { guard: 'hasNext', actions: { type: 'moveBy', params: 1 } },
        'nav.previous': { guard: 'hasPrevious', actions: { type: 'moveBy', params: -1 } },
        'nav.goto': { guard: 'isValidTarget', actions: 'moveTo' },
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
