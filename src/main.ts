/** Boot: read what this launch is, load its modules' details, connect to the LMS (or browser storage), mount the shell. */
import { contentLoaders, course, moduleDetailLoaders, referenceLoaders } from 'virtual:micic-course';
import './components/course-shell';
import type { CourseShell } from './components/course-shell';
import { CourseApp, type ContentLoader } from './app';
import { translate } from './i18n';
import { readLaunchConfig } from './launch';
import { openSession, sessionOptions } from './controllers/session-start';
import { askClaim, preferredLanguage } from './controllers/copy-claim';

const shell = document.querySelector<CourseShell>('micic-course-shell');
if (!shell) throw new Error('index.html must contain <micic-course-shell>');

async function boot(shell: CourseShell): Promise<void> {
  const launch = readLaunchConfig(course);
  // Only the modules this launch covers: a module SCO never downloads the others' quiz keys.
  const modules = await Promise.all(
    launch.modules.map(async (module) => ({ ...module, ...(await moduleDetailLoaders[module.id]!()) })),
  );
  const full = { ...launch, modules };
  const prepared = await openSession(sessionOptions(course, full, window), window, (copy, lmsLanguage) =>
    askClaim(shell, copy, preferredLanguage(lmsLanguage, window, course.defaultLanguage)),
  );
  new CourseApp(
    course,
    full,
    shell,
    ((moduleId: string, language: 'en' | 'es', part: string) => {
      const load = contentLoaders[`${moduleId}.${language}.${part}`];
      if (!load) return Promise.reject(new Error(`no content ${part} for ${moduleId} in ${language}`));
      return load();
    }) as ContentLoader,
    (language) => referenceLoaders[language]?.() ?? Promise.reject(new Error(`no glossary in ${language}`)),
    window,
    prepared,
  );
}

boot(shell).catch(() => {
  // The course could not load its own files (a broken connection): say so in both languages.
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `${translate('en', 'app.loadFailed')} / ${translate('es', 'app.loadFailed')}`;
  shell.replaceWith(message);
});
