/** What this launch is: which SCORM version the package was built for, and which modules it covers. */
import type { CourseOutline, ModuleOutline, ModuleSummary } from './content/schema';
import type { ScormVersion } from './lms/scorm-api';

export interface LaunchConfig<M extends ModuleOutline = ModuleSummary> {
  packageVersion: ScormVersion | 'none';
  /** Module id, or 'course' for every module. */
  scope: string;
  modules: M[];
  /**
   * Trainer preview: answers and scenario scripts shown, nothing saved or sent. Only the plain
   * web build honours `?trainer=1`; a SCORM package never does, so a learner cannot turn it on.
   */
  trainer: boolean;
}

function meta(doc: Document, name: string): string {
  return doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';
}

/**
 * Packaging writes `micic-scorm` and `micic-scope` into each launch page. The plain web build
 * also accepts `?module=<id>` so one module can be linked to directly.
 */
export function requestedScope(doc: Document = document, url = new URL(location.href)): string {
  return meta(doc, 'micic-scope') || url.searchParams.get('module') || 'course';
}

export function readLaunchConfig(course: CourseOutline, doc: Document = document, url = new URL(location.href)): LaunchConfig<ModuleOutline> {
  const scorm = meta(doc, 'micic-scorm');
  const packageVersion = scorm === '1.2' || scorm === '2004' ? scorm : 'none';
  const requested = requestedScope(doc, url);
  const single = course.modules.find((m) => m.id === requested);
  const trainer = packageVersion === 'none' && url.searchParams.get('trainer') === '1';
  return single
    ? { packageVersion, scope: single.id, modules: [single], trainer }
    : { packageVersion, scope: 'course', modules: course.modules, trainer };
}
