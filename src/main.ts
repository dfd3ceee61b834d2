/**
 * Boot: read what this launch is, load its scope's outline, connect to the LMS (or browser
 * storage), draw the first view from where the saved progress puts the learner, then load the
 * engine (app.ts), the modules' details and the progress codec, which restore the rest and run it.
 */
import { launchScopes, referenceLoaders } from 'virtual:micic-course';
import './components/course-shell';
import type { CourseShell } from './components/course-shell';
import type { ContentLoader } from './controllers/page-texts';
import type { Language, ModuleDetails, ModuleOutline, ModuleSummary } from './content/schema';
import { firstView, holdEvents, nextTask, showFirstView } from './controllers/starting-point';
import { BOOT_TEXT, loadLanguage, loadWithLanguage } from './i18n';
import { outlineTexts } from './content/outline-texts';
import { readLaunchConfig, requestedScope } from './launch';
import { openSession, sessionOptions, type ProgressMerger } from './controllers/session-start';
import { askClaim } from './controllers/copy-claim';
import { preferredLanguage } from './controllers/launch-position';
import { withExtraPages } from './controllers/module-pages';
import type { MergeCopies } from './lms/save-order';

const shell = document.querySelector<CourseShell>('micic-course-shell');
if (!shell) throw new Error('index.html must contain <micic-course-shell>');

type Details = Omit<ModuleDetails, 'workshopPrompts'>;
/** A module's outline with its details (the workshop prompts are added with the engine). */
const withDetails = (module: ModuleOutline, details: Details): ModuleSummary => ({ ...module, ...details, workshopPrompts: [] });

async function boot(shell: CourseShell): Promise<void> {
  // Only this launch's scope: a module package never loads the other modules' outlines.
  const { scope, course, load } = await (launchScopes[requestedScope()] ?? launchScopes.course!)();
  // The outline's texts come per language, with that language's UI strings.
  loadWithLanguage(outlineTexts(course, (language) => load(`${scope}.${language}.outline`)));
  const launch = readLaunchConfig(course);
  // The modules' details (quiz keys, scenario graphs, checks) and the progress codec come with
  // the engine, or sooner when the session may have to merge two saved texts at its start. Only
  // the modules this launch covers: a module SCO never downloads the others' quiz keys.
  let details: Promise<Details[]> | undefined;
  const loadDetails = () => (details ??= Promise.all(launch.modules.map((m) => load(`${m.id}.details`) as Promise<Details>)));
  let merge: MergeCopies | undefined;
  const merger: ProgressMerger = {
    async prepare() {
      const [{ codecModulesOf, mergeCopies }, loaded] = await Promise.all([import('./progress/merge'), loadDetails()]);
      const modules = codecModulesOf(launch.modules.map((m, i) => withExtraPages(withDetails(m, loaded[i]!))));
      merge = (lmsCopy, browserCopy) => mergeCopies(lmsCopy, browserCopy, course.contentHash, modules);
    },
    merge: (lmsCopy, browserCopy) => {
      // openSession prepares the merger whenever a merge can happen; this is never reached unprepared.
      if (!merge) throw new Error('saved progress cannot be merged before the progress codec has loaded');
      return merge(lmsCopy, browserCopy);
    },
  };
  const prepared = await openSession(
    sessionOptions(course, launch, window, merger),
    window,
    (copy, lmsLanguage) => askClaim(shell, copy, preferredLanguage(lmsLanguage, window, course.defaultLanguage)),
    merger,
  );
  // The first view (the home, or the module's landing) is drawn before the engine loads, in a
  // task of its own: a phone's first taps are not held behind the session's start-up as well.
  await nextTask(window);
  const first = firstView(course, launch, prepared, window);
  const release = holdEvents(shell, ['course-event', 'reference-open', 'reference-close', 'notice-dismiss']);
  await showFirstView(shell, course, launch, first);
  const [{ CourseApp, createEngineActors }, { startingPoint, addPrompts }, loaded, prompts] = await Promise.all([
    import('./app'),
    import('./controllers/restored-start'),
    loadDetails(),
    Promise.all(launch.modules.map((m) => load(`${m.id}.prompts`) as Promise<ModuleSummary['workshopPrompts']>)),
  ]);
  // Each step in a task of its own: the learner's first taps are not kept waiting behind them all.
  await nextTask(window);
  const full = { ...launch, modules: launch.modules.map((m, i) => withDetails(m, loaded[i]!)) };
  const start = startingPoint(course, full, prepared, window);
  addPrompts(start, prompts);
  // Everything saved is now read: should it start elsewhere than the first view (a damaged or
  // older text), the language it starts in is ready when the engine shows it.
  await loadLanguage(start.context.language, 'core');
  const actors = await createEngineActors(start, prepared.launch.masteryScore, window);
  await nextTask(window);
  const app = new CourseApp(
    course,
    full,
    shell,
    ((moduleId: string, language: Language, part: string) => load(`${moduleId}.${language}.${part}`)) as ContentLoader,
    (language: Language) => referenceLoaders[language]?.() ?? Promise.reject(new Error(`no glossary in ${language}`)),
    window,
    prepared,
    start,
    actors,
  );
  await nextTask(window);
  await app.start(window);
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
