/**
 * The first view of a launch, worked out before the course's engine (XState, the players, the
 * wiring in app.ts), the modules' details and the progress codec have loaded: where the saved
 * progress puts the learner (progress/place.ts). main.ts draws it (the home or a module's landing)
 * at once, then loads the engine, which restores everything saved (restored-start.ts) and starts
 * its machines from the same point: nothing moves when it takes over, unless the saved text turns
 * out to be damaged or from another version (then the engine's notice says what happened).
 */
import type { CourseOutline, ModuleOutline } from '../content/schema';
import type { LaunchConfig } from '../launch';
import type { LitElement } from 'lit';
import type { CourseShell } from '../components/course-shell';
import { loadLanguage } from '../i18n';
import { initialContext, type CourseContext, type CourseInput } from '../machines/course-navigation';
import { savedPlace, type SavedPlace } from '../progress/place';
import { positionFromLocation, preferredLanguage } from './launch-position';
import { withExtraPages, type NavigableOutline } from './module-pages';
import type { PreparedSession } from './session-start';

/** The first view's state: where the saved progress puts the learner, read without the details. */
export interface FirstView {
  modules: NavigableOutline[];
  /** The course machine's input, and the first view it gives. */
  input: CourseInput;
  context: CourseContext;
}

/**
 * The course machine's input for a launch: where `saved` puts the learner (its language, page
 * and pages seen), else the LMS's bookmark and the learner's language; the first view, and the
 * engine after it, start from it.
 */
export function courseInput(
  course: CourseOutline,
  modules: readonly NavigableOutline[],
  saved: Pick<SavedPlace, 'language' | 'position' | 'visited'> | undefined,
  prepared: PreparedSession,
  win: Window,
): CourseInput {
  const resume = prepared.launch;
  return {
    modules: modules.map((m) => ({ id: m.id, pageIds: m.pages.map((p) => p.id) })),
    language: saved?.language ?? preferredLanguage(resume.language, win, course.defaultLanguage),
    restored: saved ?? positionFromLocation(resume.location, modules),
    start: 'home',
  };
}

export function firstView(course: CourseOutline, launch: LaunchConfig<ModuleOutline>, prepared: PreparedSession, win: Window): FirstView {
  const modules = launch.modules.map((m) => withExtraPages(m));
  const paged = modules.map((m) => ({ id: m.id, pageIds: m.pages.map((p) => p.id) }));
  // Saved in an older format, or unreadable: the engine decides (and says so) once it has loaded.
  const input = courseInput(course, modules, savedPlace(prepared.launch.suspendData, paged), prepared, win);
  return { modules, input, context: initialContext(input) };
}

/** Draws the first view (the home, or a module's landing) in the learner's language. */
export async function showFirstView(shell: CourseShell, course: CourseOutline, launch: LaunchConfig<ModuleOutline>, start: FirstView): Promise<void> {
  // The frame's strings only: the players' come with the engine. The view's element with them.
  await Promise.all([
    loadLanguage(start.context.language, 'core'),
    start.context.view === 'home' ? import('../components/course-home') : undefined,
  ]);
  describeCourse(shell, course, launch, start.modules);
  shell.context = start.context;
  shell.ownerDocument.documentElement.lang = start.context.language;
  await shell.updateComplete;
  await shell.renderRoot.querySelector<LitElement>('micic-course-home, micic-module-landing')?.updateComplete;
  // Let the browser paint the view before the engine's download and start-up compete with it
  // (a tab in the background paints nothing: it waits 50 ms at most).
  const win = shell.ownerDocument.defaultView;
  if (win) await new Promise((painted) => {
    win.requestAnimationFrame(() => win.setTimeout(painted, 0));
    win.setTimeout(painted, 50);
  });
}

/** What the shell shows around every view; the same before and after the engine takes over. */
export function describeCourse(shell: CourseShell, course: CourseOutline, launch: LaunchConfig<ModuleOutline>, modules: readonly NavigableOutline[]): void {
  shell.course = course;
  shell.modules = modules;
  shell.trainer = launch.trainer;
  shell.noticeValues = { module: modules[0]!.number };
}

/**
 * Lets the browser handle input and paint before the caller goes on (the engine's start-up is
 * several steps; one long task would hold a tap back). Not a timer: a tab in the background
 * would wait a second for each.
 */
export function nextTask(win: Window): Promise<void> {
  const scheduler = (win as Window & { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Holds the events the learner's first clicks raise (Continue, the language, the glossary) until
 * the engine listens, then raises them again.
 */
export function holdEvents(target: EventTarget, types: readonly string[]): () => void {
  const held: Array<{ type: string; detail: unknown }> = [];
  const hold = (event: Event) => held.push({ type: event.type, detail: (event as CustomEvent).detail });
  for (const type of types) target.addEventListener(type, hold);
  return () => {
    for (const type of types) target.removeEventListener(type, hold);
    for (const { type, detail } of held) target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  };
}
