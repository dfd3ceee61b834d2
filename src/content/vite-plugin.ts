/**
 * Vite plugin: turns modules/ into `virtual:micic-course` (a loader per launch scope, and the
 * glossary's per language) and small lazily loaded chunks: each scope's outline, each module's
 * details and workshop prompts, and its texts per language and part (see contentParts), so a
 * learner downloads only what they open. Invalid content fails the build.
 */
import type { Plugin } from 'vite';
import { ContentError } from './errors.ts';
import { contentKey, loadCourse, type LoadedCourse } from './loader.ts';
import type { CourseIndex, ModuleContent, ModuleDetails, ModuleSummary, PageChunk, QuestionText, ScenarioText } from './schema.ts';
import { MEDIA_URL } from './media.ts';
import { renderRaster } from './raster.ts';

const MEDIA_TYPES: Record<string, string> = { svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp' };

const COURSE_ID = 'virtual:micic-course';
const CONTENT_PREFIX = 'virtual:micic-content/';
// Resolved ids start with \0 so no other plugin tries to read them from disk.
const RESOLVED_COURSE = '\0micic-course.js';
const RESOLVED_CONTENT_PREFIX = '\0micic-content/';
/** Scope chunks are content/<scope>.scope.js, so packaging keeps a module's with its other chunks. */
const SCOPE_SUFFIX = '.scope';
/** The launch scope of the whole course (every module); the others are module ids. */
export const COURSE_SCOPE = 'course';

/**
 * A module's text chunks in one language, so a learner downloads only what they open: each page
 * with its own checks' texts, the quiz's, each scenario's, and the written tasks' (for the card).
 */
function contentParts(module: ModuleSummary): string[] {
  return [
    ...module.pages.map((page) => `page-${page.id}`),
    ...(module.quiz ? ['quiz'] : []),
    ...module.scenarios.map((s) => `scenario-${s.id}`),
    ...(module.tasks?.length ? ['tasks'] : []),
  ];
}

function pick(questions: Record<string, QuestionText>, ids: readonly string[]): Record<string, QuestionText> {
  return Object.fromEntries(ids.filter((id) => id in questions).map((id) => [id, questions[id]!]));
}

function contentPart(module: ModuleSummary, content: ModuleContent, part: string): PageChunk | Record<string, QuestionText> | ScenarioText | undefined {
  if (part === 'quiz') return module.quiz ? pick(content.questions, module.quiz.questions.map((q) => q.id)) : undefined;
  if (part === 'tasks') return pick(content.questions, (module.tasks ?? []).map((t) => t.id));
  if (part.startsWith('scenario-')) return content.scenarios[part.slice('scenario-'.length)];
  if (!part.startsWith('page-')) return undefined;
  const page = content.pages.find((p) => p.id === part.slice('page-'.length));
  if (!page) return undefined;
  const ids = page.blocks.flatMap((block) => ('check' in block ? [block.check] : 'task' in block ? [block.task] : []));
  return { page, questions: pick(content.questions, ids) };
}

/**
 * What the course needs of a module's quiz, scenarios, checks and tasks while it runs: without
 * the Guidelines and Principles each question is tagged with (those serve the traceability table
 * and the facilitator guide; a scenario choice's Guidelines are shown in its debrief, so stay)
 * and without the workshop prompts (a chunk apart).
 */
function runtimeDetails(module: ModuleSummary): Omit<ModuleDetails, 'workshopPrompts'> {
  const untagged = <T extends object>(item: T): T => {
    const { guidelines: _g, principles: _p, ...rest } = item as T & { guidelines?: unknown; principles?: unknown };
    return rest as T;
  };
  const { quiz, scenarios, checks, tasks } = module;
  return {
    quiz: quiz && { ...quiz, questions: quiz.questions.map(untagged) },
    scenarios,
    checks: checks && Object.fromEntries(Object.entries(checks).map(([id, check]) => [id, untagged(check)])),
    tasks,
  };
}

/**
 * One launch scope's outline (both languages: the learner's is known only once the LMS answers),
 * with loaders for its modules' details and texts only.
 */
function scopeModule(index: CourseIndex, scope: string, fail: (message: string) => never): string {
  const modules = scope === COURSE_SCOPE ? index.modules : index.modules.filter((m) => m.id === scope);
  if (modules.length === 0) fail(`unknown launch scope "${scope}"`);
  const loader = (key: string, chunk: string) => `    ${JSON.stringify(key)}: () => import(${JSON.stringify(CONTENT_PREFIX + chunk)}).then((m) => m.default),`;
  const contents = modules.flatMap((module) =>
    index.languages.flatMap((language) => contentParts(module).map((part) => `${contentKey(module.id, language)}.${part}`)).map((chunk) => loader(chunk, chunk)),
  );
  // The details (quiz keys, scenario graphs, checks) load before the first view: saved progress
  // is read against them. The workshop prompts come with the course's engine, after it.
  const details = modules.map((module) => loader(module.id, `${module.id}.details`));
  const prompts = modules.map((module) => loader(module.id, `${module.id}.prompts`));
  const outline = { ...index, modules: modules.map(({ quiz: _q, scenarios: _s, checks: _c, workshopPrompts: _w, tasks: _t, ...rest }) => rest) };
  return `export default {\n  course: ${JSON.stringify(outline)},\n  moduleDetailLoaders: {\n${details.join('\n')}\n  },\n  promptLoaders: {\n${prompts.join('\n')}\n  },\n  contentLoaders: {\n${contents.join('\n')}\n  },\n};\n`;
}

/** What the content plugin offers the build's other plugins (packaging): the course it loaded. */
export interface MicicContentApi {
  course(): LoadedCourse;
}

/**
 * @param options.root folder holding modules/ (default: Vite's root)
 * @param options.course the course already loaded by this build (the offline bundle's second
 *   build reuses it: loading and checking nine modules takes seconds)
 */
export function micicContent(options: { root?: string; course?: LoadedCourse } = {}): Plugin<MicicContentApi> {
  let root = options.root ?? process.cwd();
  let loaded: LoadedCourse | undefined;

  const load = (): LoadedCourse => {
    loaded ??= options.course ?? loadCourse(root);
    return loaded;
  };

  return {
    name: 'micic-content',
    api: { course: load },
    configResolved(config) {
      root = options.root ?? config.root;
    },
    buildStart() {
      loaded = undefined;
      try {
        for (const file of load().files) this.addWatchFile(file);
      } catch (error) {
        if (error instanceof ContentError) this.error({ message: error.message, stack: '' });
        throw error;
      }
    },
    // The modules' images, optimised, beside the scripts (assets/media/<module id>/…).
    // Raster images are rendered at each of their widths here (sharp is asynchronous).
    async generateBundle() {
      const { media, rasters } = load();
      for (const [fileName, source] of media) this.emitFile({ type: 'asset', fileName, source });
      const rendered = await Promise.all([...rasters].map(async ([fileName, job]) => ({ fileName, source: await renderRaster(job) })));
      for (const asset of rendered) this.emitFile({ type: 'asset', ...asset });
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const name = decodeURIComponent((request.url ?? '').split('?')[0]!).replace(/^\/+/, '');
        const job = name.startsWith(`${MEDIA_URL}/`) ? load().rasters.get(name) : undefined;
        const bytes = name.startsWith(`${MEDIA_URL}/`) ? load().media.get(name) : undefined;
        if (bytes === undefined && !job) return next();
        response.setHeader('Content-Type', MEDIA_TYPES[name.split('.').pop()!] ?? 'application/octet-stream');
        if (bytes !== undefined) return response.end(bytes);
        renderRaster(job!).then((rendered) => response.end(rendered), next);
      });
    },
    resolveId(id) {
      if (id === COURSE_ID) return RESOLVED_COURSE;
      if (id.startsWith(CONTENT_PREFIX)) return `${RESOLVED_CONTENT_PREFIX}${id.slice(CONTENT_PREFIX.length)}.js`;
      return undefined;
    },
    load(id) {
      if (id === RESOLVED_COURSE) {
        const { index } = load();
        // The entry knows only the launch scopes (each module, and the whole course); a launch
        // loads its scope's outline and loaders, so adding a module does not grow any launch.
        const scopes = [...index.modules.map((m) => m.id), COURSE_SCOPE].map(
          (scope) => `  ${JSON.stringify(scope)}: () => import(${JSON.stringify(`${CONTENT_PREFIX}${scope}${SCOPE_SUFFIX}`)}).then((m) => m.default),`,
        );
        const referenceLoaders = index.languages.map(
          (language) => `  ${JSON.stringify(language)}: () => import(${JSON.stringify(`${CONTENT_PREFIX}reference.${language}`)}).then((m) => m.default),`,
        );
        return `export const launchScopes = {\n${scopes.join('\n')}\n};\nexport const referenceLoaders = {\n${referenceLoaders.join('\n')}\n};\n`;
      }
      if (id.startsWith(RESOLVED_CONTENT_PREFIX)) {
        const key = id.slice(RESOLVED_CONTENT_PREFIX.length, -'.js'.length);
        if (key.endsWith(SCOPE_SUFFIX)) return scopeModule(load().index, key.slice(0, -SCOPE_SUFFIX.length), (message) => this.error(message));
        if (key.startsWith('reference.')) {
          return `export default ${JSON.stringify(load().reference.get(key.slice('reference.'.length) as never))};\n`;
        }
        // A module's details (<id>.details) and workshop prompts (<id>.prompts), both languages.
        const perModule = /^(.+)\.(details|prompts)$/.exec(key);
        if (perModule) {
          const module = load().index.modules.find((m) => m.id === perModule[1]);
          if (!module) this.error(`unknown module chunk "${key}"`);
          return `export default ${JSON.stringify(perModule[2] === 'details' ? runtimeDetails(module) : module.workshopPrompts)};\n`;
        }
        const match = /^(.+?)\.(en|es)\.(.+)$/.exec(key);
        const content = match ? load().contents.get(`${match[1]}.${match[2]}`) : undefined;
        const module = match ? load().index.modules.find((m) => m.id === match[1]) : undefined;
        const part = match && content && module ? contentPart(module, content, match[3]!) : undefined;
        if (part === undefined) this.error(`unknown course content chunk "${key}"`);
        return `export default ${JSON.stringify(part)};\n`;
      }
      return undefined;
    },
    handleHotUpdate(ctx) {
      if (loaded?.files.includes(ctx.file)) {
        loaded = undefined;
        ctx.server.ws.send({ type: 'full-reload' });
        return [];
      }
      return undefined;
    },
  };
}
