/**
 * Boot: read what this launch is, load its scope's outline and modules' details, connect to the
 * LMS (or browser storage), draw the first view, then load the engine (app.ts) that runs the rest.
 */
import { launchScopes, referenceLoaders } from 'virtual:micic-course';
import './components/course-shell';
import type { CourseShell } from './components/course-shell';
import type { ContentLoader } from './controllers/page-texts';
import type { Language, ModuleDetails, ModuleSummary } from './content/schema';
import { addPrompts, holdEvents, showFirstView, startingPoint } from './controllers/starting-point';
import { BOOT_TEXT } from './i18n';
import { readLaunchConfig, requestedScope } from './launch';
import { openSession, sessionOptions } from './controllers/session-start';
import { askClaim } from './controllers/copy-claim';
import { preferredLanguage } from './controllers/launch-position';

const shell = document.querySelector<CourseShell>('micic-course-shell');
if (!shell) throw new Error('index.html must contain <micic-course-shell>');

async function boot(shell: CourseShell): Promise<void> {
  // Only this launch's scope: a module package never loads the other modules' outlines.
  const { course, moduleDetailLoaders, promptLoaders, contentLoaders } = await (launchScopes[requestedScope()] ?? launchScopes.course!)();
  const launch = readLaunchConfig(course);
  // Only the modules this launch covers: a module SCO never downloads the others' quiz keys.
  const modules = await Promise.all(
    launch.modules.map(async (module): Promise<ModuleSummary> => {
      // The virtual module's declaration cannot see the schema's types: say what the chunk holds.
      const details = (await moduleDetailLoaders[module.id]!()) as Omit<ModuleDetails, 'workshopPrompts'>;
      return { ...module, ...details, workshopPrompts: [] };
    }),
  );
  const full = { ...launch, modules };
  const prepared = await openSession(sessionOptions(course, full, window), window, (copy, lmsLanguage) =>
    askClaim(shell, copy, preferredLanguage(lmsLanguage, window, course.defaultLanguage)),
  );
  // The first view (the home, or the module's landing) is drawn before the engine loads.
  const start = startingPoint(course, full, prepared, window);
  const release = holdEvents(shell, ['course-event', 'reference-open', 'reference-close', 'notice-dismiss']);
  await showFirstView(shell, course, full, start);
  const [{ CourseApp }, prompts] = await Promise.all([import('./app'), Promise.all(full.modules.map((m) => promptLoaders[m.id]!()))]);
  addPrompts(start, prompts);
  new CourseApp(
    course,
    full,
    shell,
    ((moduleId: string, language: 'en' | 'es', part: string) => {
      const load = contentLoaders[`${moduleId}.${language}.${part}`];
      if (!load) return Promise.reject(new Error(`no content ${part} for ${moduleId} in ${language}`));
      return load();
    }) as ContentLoader,
    (language: Language) => referenceLoaders[language]?.() ?? Promise.reject(new Error(`no glossary in ${language}`)),
    window,
    prepared,
    start,
  );
  release();
}

boot(shell).catch((error: unknown) => {
  // Support staff find the cause in the browser console.
  console.error('[MICIC course] could not start', error);
  // The course could not load its own files (a broken connection): say so in both languages.
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `${BOOT_TEXT.loadFailed.en} / ${BOOT_TEXT.loadFailed.es}`;
  shell.replaceWith(message);
});
