/** Where and in which language a launch without saved progress starts. */
import type { Language } from '../content/schema';
import { isLanguage } from '../i18n';
import type { NavigableModule } from './module-pages';

/** The LMS's learner language, else the browser's, else the course default. */
export function preferredLanguage(lmsLanguage: string, win: Window, fallback: Language): Language {
  const candidates = [lmsLanguage, ...(win.navigator.languages ?? [win.navigator.language])];
  for (const candidate of candidates) {
    const code = candidate?.slice(0, 2).toLowerCase();
    if (isLanguage(code)) return code;
  }
  return fallback;
}

/** Falls back to the bookmark alone when suspend_data is gone but the LMS kept the location. */
export function positionFromLocation(location: string, modules: ReadonlyArray<{ id: string; pages: ReadonlyArray<{ id: string }> }>) {
  const [moduleId, pageId] = location.split('/');
  const module = modules.findIndex((m) => m.id === moduleId);
  const page = module >= 0 ? modules[module]!.pages.findIndex((p) => p.id === pageId) : -1;
  if (page < 0) return undefined;
  return { position: { module, page }, visited: modules.map((m) => m.pages.map(() => false)) };
}
