/**
 * Where the engine starts: everything the saved progress holds, decoded against the modules'
 * details and fitted to this build's content (saved-progress.ts), with the notice it calls for.
 * Loaded with the engine: the first view (starting-point.ts) needs none of it.
 */
import type { CourseOutline, ModuleSummary } from '../content/schema';
import type { LaunchConfig } from '../launch';
import type { UiStringKey } from '../i18n';
import { usableLocalStorage } from '../lms/mirror';
import { initialContext, type CourseContext, type CourseInput } from '../machines/course-navigation';
import type { CodecModule, SavedProgress } from '../progress/codec';
import { codecModulesOf } from '../progress/merge';
import { restoreSaved, SetAsideStore } from './saved-progress';
import { courseInput } from './starting-point';
import { withExtraPages, type NavigableModule } from './module-pages';
import type { PreparedSession } from './session-start';

export interface StartingPoint {
  modules: NavigableModule[];
  codecModules: CodecModule[];
  /** What was saved and still fits the content (undefined: a fresh start). */
  restored?: SavedProgress;
  /** Set when saved progress had to be set aside or partly dropped. */
  notice?: UiStringKey;
  /** The course machine's input, and the view it starts on. */
  input: CourseInput;
  context: CourseContext;
}

export function startingPoint(course: CourseOutline, launch: LaunchConfig<ModuleSummary>, prepared: PreparedSession, win: Window): StartingPoint {
  const resume = prepared.launch;
  const modules = launch.modules.map((m) => withExtraPages(m));
  const codecModules = codecModulesOf(modules);
  const setAside = new SetAsideStore(`micic:set-aside:${resume.learnerId || 'anonymous'}:micic:${course.id}:${launch.scope}`, usableLocalStorage());
  const saved = restoreSaved(resume.suspendData, course.contentHash, codecModules, setAside);
  const restored = saved.progress;
  const input = courseInput(course, modules, restored, prepared, win);
  return { modules, codecModules, restored, notice: saved.notice, input, context: initialContext(input) };
}

/** The workshop prompts, which arrive with the engine (the first view shows none). */
export function addPrompts(start: StartingPoint, prompts: ReadonlyArray<ModuleSummary['workshopPrompts']>): void {
  start.modules.forEach((module, m) => (module.workshopPrompts = [...prompts[m]!]));
}
