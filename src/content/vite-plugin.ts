/**
 * Vite plugin: turns modules/ into `virtual:micic-course` (a loader per launch scope, and the
 * glossary's per language) and small lazily loaded chunks: each scope's outline with its texts in
 * a chunk per language, each module's details and workshop prompts, and its texts per language
 * and part (see contentParts), so a learner downloads only what they open. The chunks a scope
 * loads are emitted under their own names (assets/content/<name>.js) and loaded by name; the
 * offline bundle (`inline`) imports them instead. Invalid content fails the build.
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
/** A scope outline's texts in one language: content/<scope>.<language>.outline.js. */
const OUTLINE_SUFFIX = '.outline';
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

/** Where the content chunks are written (packaging keeps a module's by their first name segment). */
export const CONTENT_CHUNK_DIR = 'assets/content';

/** A launch scope's modules: one, or every module for the whole course. */
function scopeModules(index: CourseIndex, scope: string): ModuleSummary[] {
  return scope === COURSE_SCOPE ? index.modules : index.modules.filter((m) => m.id === scope);
}

/**
 * Every chunk one launch scope may load: its outline's texts, and each of its modules' details,
 * workshop prompts and texts (a module's chunks serve every scope that has it: the web build,
 * which holds them all, carries each once).
 */
function scopeChunks(index: CourseIndex, scope: string): string[] {
  return [
    ...index.languages.map((language) => `${scope}.${language}${OUTLINE_SUFFIX}`),
    ...scopeModules(index, scope).flatMap((module) => [
      `${module.id}.details`,
      `${module.id}.prompts`,
      ...index.languages.flatMap((language) => contentParts(module).map((part) => `${contentKey(module.id, language)}.${part}`)),
    ]),
  ];
}

/** A scope outline's texts split out: each `{en, es}` becomes `{$t: n}`, text n of each language's list. */
function splitOutlineTexts(outline: unknown, languages: readonly string[]): { structure: unknown; texts: Record<string, string[]> } {
  const texts: Record<string, string[]> = Object.fromEntries(languages.map((l) => [l, []]));
  let count = 0;
  const isText = (value: object): value is Record<string, string> => {
    const keys = Object.keys(value);
    return keys.length === languages.length && languages.every((l) => typeof (value as Record<string, unknown>)[l] === 'string');
  };
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== 'object') return value;
    if (isText(value)) {
      for (const language of languages) texts[language]!.push(value[language]!);
      return { $t: count++ };
    }
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner)]));
  };
  return { structure: walk(outline), texts };
}

function scopeOutline(index: CourseIndex, scope: string, fail: (message: string) => never): { structure: unknown; texts: Record<string, string[]> } {
  const modules = scopeModules(index, scope);
  if (modules.length === 0) fail(`unknown launch scope "${scope}"`);
  const outline = { ...index, modules: modules.map(({ quiz: _q, scenarios: _s, checks: _c, workshopPrompts: _w, tasks: _t, ...rest }) => rest) };
  return splitOutlineTexts(outline, index.languages);
}

/**
 * One launch scope's outline, its texts in a chunk per language (the learner's is known only once
 * the LMS answers), and one loader for the scope's chunks. The lazy build finds a chunk by its
 * name beside this one (each is emitted by name: no list of them travels); the offline bundle,
 * which inlines everything, gets a table of imports instead.
 */
function scopeModule(index: CourseIndex, scope: string, inline: boolean, fail: (message: string) => never): string {
  const { structure } = scopeOutline(index, scope, fail);
  const load = inline
    ? `const chunks = {\n${scopeChunks(index, scope)
        .map((chunk) => `  ${JSON.stringify(chunk)}: () => import(${JSON.stringify(CONTENT_PREFIX + chunk)}),`)
        .join('\n')}\n};\nconst load = (chunk) => chunks[chunk] ? chunks[chunk]().then((m) => m.default) : Promise.reject(new Error(\`no course chunk "\${chunk}"\`));`
    : 'const load = (chunk) => import(/* @vite-ignore */ `./${chunk}.js`).then((m) => m.default);';
  return `${load}\nexport default {\n  scope: ${JSON.stringify(scope)},\n  course: ${JSON.stringify(structure)},\n  load,\n};\n`;
}

/** What the content plugin offers the build's other plugins (packaging): the course it loaded. */
export interface MicicContentApi {
  course(): LoadedCourse;
}

/**
 * @param options.root folder holding modules/ (default: Vite's root)
 * @param options.course the course already loaded by this build (the offline bundle's second
 *   build reuses it: loading and checking nine modules takes seconds)
 * @param options.inline every chunk is imported by name (the offline bundle, one file); otherwise
 *   each is emitted under its own name and a scope loads it by that name
 */
export function micicContent(options: { root?: string; course?: LoadedCourse; inline?: boolean } = {}): Plugin<MicicContentApi> {
  const inline = options.inline ?? false;
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
        if (!inline) {
          // Nothing imports these by a fixed name (a scope loads them by theirs): emit each one.
          const { index } = load();
          const chunks = new Set([...index.modules.map((m) => m.id), COURSE_SCOPE].flatMap((scope) => scopeChunks(index, scope)));
          for (const chunk of chunks) this.emitFile({ type: 'chunk', id: CONTENT_PREFIX + chunk, fileName: `${CONTENT_CHUNK_DIR}/${chunk}.js`, preserveSignature: 'strict' });
        }
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
        if (key.endsWith(SCOPE_SUFFIX)) return scopeModule(load().index, key.slice(0, -SCOPE_SUFFIX.length), inline, (message) => this.error(message));
        const outlineTexts = /^(.+)\.(en|es)\.outline$/.exec(key);
        if (outlineTexts) {
          const { texts } = scopeOutline(load().index, outlineTexts[1]!, (message) => this.error(message));
          return `export default ${JSON.stringify(texts[outlineTexts[2]!])};\n`;
        }
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
