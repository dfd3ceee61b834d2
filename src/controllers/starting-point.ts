/**
 * Where a launch starts, worked out once before the course's engine (XState, the players, the
 * wiring in app.ts) has loaded: the saved progress restored, and the first view's state. main.ts
 * draws that first view (the home or a module's landing) from it at once, then loads the engine,
 * which starts its machines from the same point, so nothing moves when it takes over.
 */
import type { CourseOutline, ModuleSummary } from '../content/schema';
import type { LaunchConfig } from '../launch';
import type { LitElement } from 'lit';
import type { CourseShell } from '../components/course-shell';
import { loadLanguage, type UiStringKey } from '../i18n';
import { usableLocalStorage } from '../lms/mirror';
import { initialContext, type CourseContext, type CourseInput } from '../machines/course-navigation';
import type { CodecModule, SavedProgress } from '../progress/codec';
import { codecModulesOf } from '../progress/merge';
import { restoreSaved, SetAsideStore } from './saved-progress';
import { positionFromLocation, preferredLanguage } from './launch-position';
import { withExtraPages, type NavigableModule } from './module-pages';
import type { PreparedSession } from './session-start';

export interface StartingPoint {
  modules: NavigableModule[];
  codecModules: CodecModule[];
  /** What was saved and still fits the content (undefined: a fresh start). */
  restored?: SavedProgress;
  /** Set when saved progress had to be set aside or partly dropped. */
  notice?: UiStringKey;
  /** The course machine's input, and the first view it gives. */
  input: CourseInput;
  context: CourseContext;
}

export function startingPoint(course: CourseOutline, launch: LaunchConfig<ModuleSummary>, prepared: PreparedSession, win: Window): StartingPoint {
  const resume = prepared.launch;
  const modules = launch.modules.map(withExtraPages);
  const codecModules = codecModulesOf(modules);
  const setAside = new SetAsideStore(`micic:set-aside:${resume.learnerId || 'anonymous'}:micic:${course.id}:${launch.scope}`, usableLocalStorage());
  const saved = restoreSaved(resume.suspendData, course.contentHash, codecModules, setAside);
  const restored = saved.progress;
  const input: CourseInput = {
    modules: modules.map((m) => ({ id: m.id, pageIds: m.pages.map((p) => p.id) })),
    language: restored?.language ?? preferredLanguage(resume.language, win, course.defaultLanguage),
    restored: restored ?? positionFromLocation(resume.location, modules),
    start: 'home',
  };
  return { modules, codecModules, restored, notice: saved.notice, input, context: initialContext(input) };
}

/** The workshop prompts, which arrive with the engine (the first view shows none). */
export function addPrompts(start: StartingPoint, prompts: ReadonlyArray<ModuleSummary['workshopPrompts']>): void {
  start.modules.forEach((module, m) => (module.workshopPrompts = [...prompts[m]!]));
}

/** Draws the first view (the home, or a module's landing) in the learner's language. */
export async function showFirstView(shell: CourseShell, course: CourseOutline, launch: LaunchConfig, start: StartingPoint): Promise<void> {
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
export function describeCourse(shell: CourseShell, course: CourseOutline, launch: LaunchConfig, modules: NavigableModule[]): void {
  shell.course = course;
  shell.modules = modules;
  shell.trainer = launch.trainer;
  shell.noticeValues = { module: modules[0]!.number };
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
