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
import { BOOT_TEXT, loadWithLanguage } from './i18n';
import { outlineTexts } from './content/outline-texts';
import { mergeInPlace } from './content/merge-details';
import { readLaunchConfig, requestedScope } from './launch';
import { openSession, sessionOptions } from './controllers/session-start';
import { askClaim } from './controllers/copy-claim';
import { preferredLanguage } from './controllers/launch-position';

const shell = document.querySelector<CourseShell>('micic-course-shell');
if (!shell) throw new Error('index.html must contain <micic-course-shell>');

async function boot(shell: CourseShell): Promise<void> {
  // Only this launch's scope: a module package never loads the other modules' outlines.
  const { scope, course, load } = await (launchScopes[requestedScope()] ?? launchScopes.course!)();
  // The outline's texts come per language, with that language's UI strings.
  loadWithLanguage(outlineTexts(course, (language) => load(`${scope}.${language}.outline`)));
  const launch = readLaunchConfig(course);
  // Only the modules this launch covers: a module SCO never downloads the others' quiz keys. Until
  // the engine loads, these are what reading saved progress needs (no answers, scores or effects).
  const details = (await load(`${scope}.details`)) as Record<string, Omit<ModuleDetails, 'workshopPrompts'>>;
  const modules = launch.modules.map((module): ModuleSummary => ({ ...module, ...details[module.id]!, workshopPrompts: [] }));
  const full = { ...launch, modules };
  const prepared = await openSession(sessionOptions(course, full, window), window, (copy, lmsLanguage) =>
    askClaim(shell, copy, preferredLanguage(lmsLanguage, window, course.defaultLanguage)),
  );
  // The first view (the home, or the module's landing) is drawn before the engine loads.
  const start = startingPoint(course, full, prepared, window);
  const release = holdEvents(shell, ['course-event', 'reference-open', 'reference-close', 'notice-dismiss']);
  await showFirstView(shell, course, full, start);
  const [{ CourseApp }, prompts, play] = await Promise.all([
    import('./app'),
    load(`${scope}.prompts`) as Promise<Record<string, ModuleSummary['workshopPrompts']>>,
    load(`${scope}.play`),
  ]);
  // Answers, scores and effects join the details the first view was drawn with, in place.
  mergeInPlace(details, play);
  addPrompts(start, full.modules.map((m) => prompts[m.id] ?? []));
  new CourseApp(
    course,
    full,
    shell,
    ((moduleId: string, language: Language, part: string) => load(`${moduleId}.${language}.${part}`)) as ContentLoader,
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
