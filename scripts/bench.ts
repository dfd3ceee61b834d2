/**
 * npm run bench: builds the course and prints its size and speed figures, one a line.
 * Budgets (aims, not tests): first load ≤ 40 KB gzip; each zip ≤ 600 KB including its media.
 * Images are not in the first load: they load lazily, after the page's text.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { OFFLINE_BOOT, OFFLINE_BUNDLE } from '../packaging/offline-bundle.ts';
import type { CourseIndex, ModuleSummary, QuestionKey, ScenarioKey } from '../src/content/schema.ts';
import { attemptSeed, drawQuestions, type Response } from '../src/machines/quiz-scoring.ts';
import { encodeProgress } from '../src/progress/codec.ts';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const web = join(dist, 'web');
const FIRST_LOAD_BUDGET = 40 * 1024;
const ZIP_BUDGET = 600 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipSize = (files: string[]) => files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
const mark = (bytes: number, budget: number) => (bytes <= budget ? `within ${kb(budget)} budget` : `OVER ${kb(budget)} budget`);

const started = performance.now();
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);
const buildSeconds = (performance.now() - started) / 1000;

const course = JSON.parse(readFileSync(join(dist, 'course-index.json'), 'utf8')) as CourseIndex;
const assets = join(web, 'assets');
// The first load is the entry and everything it imports statically; lazy chunks come later.
type ManifestChunk = { file: string; imports?: string[]; css?: string[]; isEntry?: boolean };
const manifest = JSON.parse(readFileSync(join(web, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
const firstLoadFiles = new Set<string>();
const collect = (key: string) => {
  const chunk = manifest[key]!;
  if (firstLoadFiles.has(chunk.file)) return;
  firstLoadFiles.add(chunk.file);
  chunk.css?.forEach((css) => firstLoadFiles.add(css));
  chunk.imports?.forEach(collect);
};
Object.entries(manifest).filter(([, chunk]) => chunk.isEntry).forEach(([key]) => collect(key));
const shellFiles = [...firstLoadFiles].map((file) => join(web, file));
const lazyFiles = readdirSync(assets)
  .filter((f) => f.endsWith('.js') && !firstLoadFiles.has(`assets/${f}`))
  .map((f) => join(assets, f));
/** A module's texts in one language: one chunk per page, plus the practice texts. */
const pageChunk = (moduleId: string, language: string, pageId: string) => join(assets, 'content', `${moduleId}.${language}.page-${pageId}.js`);
const moduleChunks = (module: ModuleSummary, language: string) => [
  ...module.pages.map((page) => pageChunk(module.id, language, page.id)),
  join(assets, 'content', `${module.id}.${language}.quiz.js`),
  ...module.scenarios.map((s) => join(assets, 'content', `${module.id}.${language}.scenario-${s.id}.js`)),
];
const firstModule = course.modules[0]!;

const lines: string[] = [];
lines.push(`build time: ${buildSeconds.toFixed(1)} s`);
const shell = gzipSize([...shellFiles, join(web, 'index.html')]);
lines.push(`shell (index.html + the JS and CSS it loads first), gzip: ${kb(shell)}`);
lines.push(`players loaded on first use (quiz, scenario, knowledge check), gzip: ${kb(gzipSize(lazyFiles))}`);
// The web build only (SCORM packages have neither): every page opened from disk loads the boot
// script; where module scripts are refused there (Chromium), it loads the whole course in one file.
lines.push(`web build from disk (file://): boot script ${kb(gzipSize([join(web, OFFLINE_BOOT)]))}, offline bundle (whole course, both languages) ${kb(gzipSize([join(web, OFFLINE_BUNDLE)]))} (gzip)`);
// The first page a learner opens, and the next one, fetched while they read.
const firstPages = firstModule.pages.slice(0, 2).map((page) => pageChunk(firstModule.id, course.defaultLanguage, page.id));
// A module launch also loads that module's details (quiz keys, scenario graphs) before it starts.
const details = (moduleId: string) => join(assets, 'content', `${moduleId}.details.js`);
const firstLoad = shell + gzipSize([details(firstModule.id), ...firstPages.slice(0, 1)]);
lines.push(`first load of a module launch (shell + ${firstModule.id} details + its first page in ${course.defaultLanguage}), gzip: ${kb(firstLoad)} (${mark(firstLoad, FIRST_LOAD_BUDGET)})`);
lines.push(`first load of the whole course (every module's details), gzip: ${kb(shell + gzipSize([...course.modules.map((m) => details(m.id)), ...firstPages.slice(0, 1)]))}`);
lines.push(`  + the next page, fetched while the first is read, gzip: ${kb(gzipSize(firstPages.slice(1)))}`);
for (const module of course.modules) {
  for (const language of course.languages) {
    const [pages, practice] = [moduleChunks(module, language).slice(0, module.pages.length), moduleChunks(module, language).slice(module.pages.length)];
    lines.push(`content ${module.id}.${language}: ${module.pages.length} pages ${kb(gzipSize(pages))}, practice texts ${kb(gzipSize(practice))} (gzip)`);
  }
}
// Worst case of the saved state: every page seen, the last page, a far-future save time, and
// in each quiz a late attempt with every question answered by its longest encoding and every
// score and objective set. SCORM 1.2 allows 4,096 characters; the aims are 1,000 a module, 3,000 a course.
function longestResponse(question: QuestionKey): Response {
  switch (question.type) {
    case 'single-choice':
      return { type: 'single-choice', option: question.options.at(-1)! };
    case 'multiple-response':
      return { type: 'multiple-response', options: [...question.options] };
    case 'true-false':
      return { type: 'true-false', value: true };
    case 'ordering':
      return { type: 'ordering', order: [...question.items].reverse() };
    case 'matching':
      return { type: 'matching', pairs: Object.fromEntries(question.sources.map((s) => [s, question.targets.at(-1)!])) };
  }
}
/** The choices of the longest path through a scenario (scenarios are acyclic). */
function longestPath(key: ScenarioKey, at = key.start): string[] {
  const scene = key.scenes.find((s) => s.id === at);
  if (!scene) return [];
  return scene.choices
    .map((choice) => [choice.id, ...longestPath(key, choice.next)])
    .reduce((a, b) => (b.length > a.length ? b : a));
}
const worstCase = (modules: ModuleSummary[]) => {
  const scope = modules.map((m) => ({
    id: m.id,
    pageIds: [...m.pages.map((p) => p.id), ...m.scenarios.map((s) => `scenario-${s.id}`), ...(m.quiz ? ['quiz'] : [])],
    quiz: m.quiz,
    scenarios: m.scenarios,
    objectiveIds: m.objectives.map((o) => o.id),
  }));
  const scenarios = modules.map((m) => m.scenarios.map((key) => ({ plays: 999, choices: longestPath(key), bestPercent: 99.99 })));
  const quizzes = modules.map((m) => {
    if (!m.quiz) return undefined;
    const seed = 0x7ffffffe;
    const attempt = m.quiz.attempts || 999;
    const drawn = drawQuestions(m.quiz.questions, m.quiz.draw, attemptSeed(seed, attempt));
    return {
      state: 'review' as const,
      seed,
      attempt,
      index: drawn.length - 1,
      responses: drawn.map((id) => longestResponse(m.quiz!.questions.find((q) => q.id === id)!)),
      lastScore: 99.99,
      countedScore: 99.99,
      countedObjectives: Object.fromEntries(m.objectives.map((o) => [o.id, 100])),
    };
  });
  return encodeProgress(
    {
      savedAt: 4_000_000_000_000,
      language: 'es',
      position: { module: scope.length - 1, page: scope.at(-1)!.pageIds.length - 1 },
      visited: scope.map((m) => m.pageIds.map(() => true)),
      quizzes,
      scenarios,
    },
    scope,
  ).length;
};
for (const module of course.modules) {
  lines.push(`suspend_data worst case, module ${module.id}: ${worstCase([module])} chars (aim < 1000)`);
}
lines.push(`suspend_data worst case, whole course in one SCO: ${worstCase(course.modules)} chars (aim < 3000)`);
// The modules' images (SVG are served compressed by most LMSs; a zip compresses them too).
for (const module of course.modules) {
  const dir = join(assets, 'media', module.id);
  const files = readdirSync(dir).map((f) => join(dir, f));
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const banner = module.banner ? gzipSize([join(web, module.banner[course.defaultLanguage].url)]) : 0;
  lines.push(`images ${module.id}: ${files.length} files, ${kb(bytes)} (${kb(gzipSize(files))} gzip); banner ${kb(banner)} gzip`);
}
const zips = [...readdirSync(dist).filter((f) => f.endsWith('.zip')), ...readdirSync(join(dist, 'static')).map((f) => `static/${f}`)];
for (const zip of zips.sort()) {
  const size = statSync(join(dist, zip)).size;
  lines.push(`zip ${zip}: ${kb(size)} (${mark(size, ZIP_BUDGET)})`);
}
console.log(lines.join('\n'));
