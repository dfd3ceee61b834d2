/**
 * Course navigation: where the learner is, which pages they have seen, in which language.
 * Pure: no DOM, no LMS. The shell renders its snapshot; the progress codec saves a compact
 * projection of it (see src/progress).
 */
import { assign, createActor, setup, type Actor } from 'xstate';
import { flatIndex, homeView, initialContext, isValidPosition, markVisited, pageCount, positionAt, resumePage, type CourseContext, type CourseEvent, type CourseInput } from './course-navigation';

export * from './course-navigation';

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
  context: ({ input }) => initialContext(input),
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
