/**
 * Build-time content loader: reads modules/, validates everything, compiles Markdown and
 * returns typed course data, or throws a ContentError listing every problem with its file
 * and line. Runs in Node only (Vite plugin, tests, scripts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { ContentError, type ContentProblem } from './errors.ts';
import { compiledPage, compilePages, pagesWithoutChecks } from './pages.ts';
import { ModuleMedia } from './media.ts';
import type { RasterJob } from './raster.ts';
import { readMediaCredits } from './media-credits.ts';
import { checkQuestions, questionKey, questionText } from './questions.ts';
import { bankProblems, itemProblems } from './item-writing.ts';
import { readReferenceFiles, referenceIn } from './reference.ts';
import { loadScenarios } from './scenarios.ts';
import { loadTasks, unassessedProduction } from './tasks.ts';
import { pageMinutes, quizMinutes, scenarioMinutes, teachingPages } from './study-time.ts';
import { bestPath } from '../machines/scenario-graph.ts';
import {
  checksFileSchema,
  courseFileSchema,
  type ReferenceContent,
  LANGUAGES,
  moduleFileSchema,
  quizFileSchema,
  type Question,
  type QuestionKey,
  type QuestionText,
  type QuizKey,
  type CourseIndex,
  type Language,
  type ModuleContent,
  type ModuleFile,
  type ModuleSummary,
} from './schema.ts';
import { parseYaml, validateYaml, type YamlSource } from './yaml-source.ts';

export interface LoadedCourse {
  index: CourseIndex;
  /** Glossary and references per language (empty when the files are absent). */
  reference: Map<Language, ReferenceContent>;
  /** Keyed by `${moduleId}.${language}`. */
  contents: Map<string, ModuleContent>;
  /** Every file read, for watch mode. */
  files: string[];
  /** Images to write into the web build, by file name (assets/media/<module id>/…). */
  media: Map<string, string | Uint8Array>;
  /** Raster images to render at their responsive widths as the build writes them (src/content/raster.ts). */
  rasters: Map<string, RasterJob>;
}


export function contentKey(moduleId: string, language: Language): string {
  return `${moduleId}.${language}`;
}

export interface LoadOptions {
  /**
   * The assessment rules (item-writing.ts, and a knowledge check on every content page). On for
   * every build; only tests of the loader's other errors turn them off for their tiny fixture.
   */
  assessmentRules?: boolean;
}

/** @param projectRoot folder holding modules/ (file names in errors are relative to it) */
export function loadCourse(projectRoot: string, modulesDir = 'modules', options: LoadOptions = {}): LoadedCourse {
  const assessmentRules = options.assessmentRules ?? true;
  const problems: ContentProblem[] = [];
  const files: string[] = [];
  const hash = createHash('sha256');
  const rel = (path: string) => relative(projectRoot, path).split('\\').join('/');

  const readText = (path: string): string => {
    const text = readFileSync(path, 'utf8');
    files.push(path);
    hash.update(rel(path)).update('\0').update(text).update('\0');
    return text;
  };

  const trackMedia = (path: string, bytes: string | Uint8Array) => {
    files.push(path);
    hash.update(rel(path)).update('\0').update(bytes).update('\0');
  };
  const mediaFiles: string[] = [];
  const media = new Map<string, string | Uint8Array>();
  const rasters = new Map<string, RasterJob>();

  const readYaml = (path: string): YamlSource | undefined => {
    if (!existsSync(path)) {
      problems.push({ file: rel(path), message: 'file is missing' });
      return undefined;
    }
    const parsed = parseYaml(rel(path), readText(path));
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      return undefined;
    }
    return parsed.source;
  };

  const root = join(projectRoot, modulesDir);
  const courseSource = readYaml(join(root, 'course.yaml'));
  if (!courseSource) throw new ContentError(problems);
  const courseResult = validateYaml(courseSource, courseFileSchema);
  if (!courseResult.ok) throw new ContentError(courseResult.problems);
  const course = courseResult.value;

  // Module folders: every listed one must exist, every existing one must be listed.
  const seenFolders = new Set<string>();
  course.modules.forEach((folder, i) => {
    if (seenFolders.has(folder)) {
      problems.push({ file: courseSource.file, line: courseSource.lineOf(['modules', i]), message: `module "${folder}" is listed twice` });
    }
    seenFolders.add(folder);
    if (!existsSync(join(root, folder, 'module.yaml'))) {
      problems.push({
        file: courseSource.file,
        line: courseSource.lineOf(['modules', i]),
        message: `module "${folder}" is listed but ${modulesDir}/${folder}/module.yaml does not exist`,
      });
    }
  });
  for (const entry of readdirSync(root)) {
    if (statSync(join(root, entry)).isDirectory() && !seenFolders.has(entry)) {
      problems.push({ file: `${rel(root)}/${entry}`, message: `module folder "${entry}" is not listed in course.yaml "modules"` });
    }
  }

  const modules: ModuleSummary[] = [];
  const contents = new Map<string, ModuleContent>();
  const moduleIdLines = new Map<string, string>();

  [...seenFolders].forEach((folder, position) => {
    const folderPath = join(root, folder);
    const moduleYamlPath = join(folderPath, 'module.yaml');
    if (!existsSync(moduleYamlPath)) return;
    const source = readYaml(moduleYamlPath);
    if (!source) return;
    const result = validateYaml(source, moduleFileSchema);
    if (!result.ok) {
      problems.push(...result.problems);
      return;
    }
    const module = result.value;
    const previous = moduleIdLines.get(module.id);
    if (previous) {
      problems.push({ file: source.file, line: source.lineOf(['id']), message: `module id "${module.id}" is already used by ${previous}` });
    }
    moduleIdLines.set(module.id, source.file);
    checkDuplicates(module.objectives.map((o) => o.id), 'objective id', (i) => source.lineOf(['objectives', i, 'id']), source.file, problems);
    checkDuplicates(module.pages, 'page', (i) => source.lineOf(['pages', i]), source.file, problems);
    module.pages.forEach((pageId, i) => {
      if (pageId === 'quiz') problems.push({ file: source.file, line: source.lineOf(['pages', i]), message: 'the page id "quiz" is reserved for the module quiz (quiz.yaml)' });
      if (pageId.startsWith('scenario-')) problems.push({ file: source.file, line: source.lineOf(['pages', i]), message: 'page ids starting with "scenario-" are reserved for scenarios' });
    });

    const questions = loadQuestions(module, folderPath, readYaml, problems, assessmentRules);
    const scenarios = loadScenarios(module, folderPath, readYaml, problems, { itemWriting: assessmentRules });
    const tasks = loadTasks(module, folderPath, readYaml, problems, new Set(questions?.all.map((q) => q.id)));
    // When quiz.yaml or checks.yaml is invalid the check ids are unknown: judge no page by them.
    const checkIds = questions ? new Set(Object.keys(questions.checks)) : undefined;
    const moduleMedia = new ModuleMedia(folderPath, module.id, rel, readYaml, problems, trackMedia);
    const compiled = compilePages(module, folderPath, source, rel, readText, problems, checkIds, new Set(tasks.keys.map((t) => t.id)), moduleMedia);
    if (compiled && assessmentRules) problems.push(...pagesWithoutChecks(module, source, compiled.get('en')!));
    if (assessmentRules) problems.push(...unassessedProduction(module, source, tasks.keys, scenarios.keys));
    const banner = module.banner ? bannerOf(moduleMedia, module.banner, source, problems) : undefined;
    moduleMedia.checkUnused();
    mediaFiles.push(...moduleMedia.files());
    for (const [name, bytes] of moduleMedia.assets) media.set(name, bytes);
    for (const [name, job] of moduleMedia.rasters) rasters.set(name, job);
    if (!compiled || !questions) return;
    modules.push({
      id: module.id,
      number: position + 1,
      folder,
      title: module.title,
      summary: module.summary,
      masteryScore: module.masteryScore,
      objectives: module.objectives,
      navigationPages: module.navigationPages,
      pages: module.pages.map((pageId) => ({
        id: pageId,
        title: { en: compiled.get('en')!.get(pageId)!.title, es: compiled.get('es')!.get(pageId)!.title },
        minutes: pageMinutes(compiledPage(compiled, 'en', pageId)),
      })),
      ...(questions.quiz
        ? {
            quiz: {
              ...questions.quiz,
              teaching: teachingPages(questions.quiz.questions, module.pages.map((pageId) => compiledPage(compiled, 'en', pageId)), questions.checks),
            },
          }
        : {}),
      checks: questions.checks,
      ...(tasks.keys.length ? { tasks: tasks.keys } : {}),
      scenarios: scenarios.keys,
      exercises: {
        scenarios: scenarios.keys.map((key) => ({ id: key.id, title: key.title, minutes: scenarioMinutes(bestPath(key).length) })),
        ...(questions.quiz ? { quizMinutes: quizMinutes(questions.quiz.draw) } : {}),
      },
      workshopPrompts: module.workshopPrompts,
      sessionMinutes: module.sessionMinutes,
      ...(banner ? { banner } : {}),
    });
    for (const language of LANGUAGES) {
      contents.set(contentKey(module.id, language), {
        moduleId: module.id,
        language,
        pages: module.pages.map((pageId) => {
          const page = compiled.get(language)!.get(pageId)!;
          return { id: pageId, title: page.title, blocks: page.blocks };
        }),
        questions: { ...(Object.fromEntries(questions.all.map((q) => [q.id, questionText(q, language)])) as Record<string, QuestionText>), ...tasks.texts.get(language) },
        scenarios: scenarios.texts.get(language)!,
      });
    }
  });

  const referenceFiles = { ...readReferenceFiles(root, readYaml, problems), credits: readMediaCredits(root, rel(root), mediaFiles, readYaml, problems) };

  if (problems.length > 0) throw new ContentError(problems);

  const reference = new Map<Language, ReferenceContent>(LANGUAGES.map((language) => [language, referenceIn(referenceFiles, language)]));

  const index: CourseIndex = {
    id: course.id,
    version: course.version,
    contentHash: hash.digest('hex').slice(0, 8),
    languages: LANGUAGES,
    defaultLanguage: course.defaultLanguage,
    title: course.title,
    shortTitle: course.shortTitle ?? course.title,
    description: course.description,
    passingScore: course.passingScore,
    scoreRollup: course.scoreRollup,
    modules,
  };
  return { index, contents, reference, files, media, rasters };
}


interface ModuleQuestions {
  quiz?: QuizKey;
  checks: Record<string, QuestionKey>;
  all: Question[];
}

/** quiz.yaml and checks.yaml of one module (both optional), validated. */
function loadQuestions(
  module: ModuleFile,
  folderPath: string,
  readYaml: (path: string) => YamlSource | undefined,
  problems: ContentProblem[],
  assessmentRules: boolean,
): ModuleQuestions | undefined {
  const before = problems.length;
  const objectiveIds = new Set(module.objectives.map((o) => o.id));
  const seenIds = new Map<string, string>();
  const result: ModuleQuestions = { checks: {}, all: [] };
  const ruleProblems: ContentProblem[] = [];
  // Reads an optional file of this module and validates it; undefined when absent or invalid.
  const readValid = <T extends z.ZodType>(name: string, schema: T) => {
    const path = join(folderPath, name);
    const source = existsSync(path) ? readYaml(path) : undefined;
    const parsed = source && validateYaml(source, schema);
    if (parsed && !parsed.ok) problems.push(...parsed.problems);
    return source && parsed?.ok ? { source, value: parsed.value as z.infer<T> } : undefined;
  };

  const quizFile = readValid('quiz.yaml', quizFileSchema);
  if (quizFile) {
    const { source, value: quiz } = quizFile;
    const structural = checkQuestions(quiz.questions, ['questions'], source, objectiveIds, seenIds);
    problems.push(...structural);
    if (assessmentRules && !structural.length) {
      ruleProblems.push(...itemProblems(quiz.questions, ['questions'], source), ...bankProblems(quiz.questions, ['questions'], source));
    }
    if (quiz.draw !== undefined && quiz.draw > quiz.questions.length) {
      problems.push({ file: source.file, line: source.lineOf(['draw']), message: `"draw" is ${quiz.draw} but the quiz has only ${quiz.questions.length} questions` });
    }
    result.quiz = { attempts: quiz.attempts, keep: quiz.keep, draw: quiz.draw ?? quiz.questions.length, questions: quiz.questions.map(questionKey) };
    result.all.push(...quiz.questions);
  }
  const checksFile = readValid('checks.yaml', checksFileSchema);
  if (checksFile) {
    const { source, value } = checksFile;
    const structural = checkQuestions(value.checks, ['checks'], source, objectiveIds, seenIds);
    problems.push(...structural);
    if (assessmentRules && !structural.length) ruleProblems.push(...itemProblems(value.checks, ['checks'], source));
    for (const check of value.checks) result.checks[check.id] = questionKey(check);
    result.all.push(...value.checks);
  }
  const valid = problems.length === before;
  // Item-writing problems fail the build but leave the questions usable, so pages still find their checks.
  problems.push(...ruleProblems);
  return valid ? result : undefined;
}

/** The module's banner in every language; a problem on module.yaml's "banner" line when it is wrong. */
function bannerOf(media: ModuleMedia, src: string, source: YamlSource, problems: ContentProblem[]): ModuleSummary['banner'] {
  const found = LANGUAGES.map((language) => media.resolve(src, language));
  const failed = found.find((r) => !r.ok);
  if (failed && !failed.ok) {
    problems.push({ file: source.file, line: source.lineOf(['banner']), message: failed.message });
    return undefined;
  }
  return Object.fromEntries(LANGUAGES.map((language, i) => [language, (found[i] as Extract<(typeof found)[number], { ok: true }>).image])) as ModuleSummary['banner'];
}

function checkDuplicates(
  values: string[],
  what: string,
  lineOf: (index: number) => number | undefined,
  file: string,
  problems: ContentProblem[],
): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) problems.push({ file, line: lineOf(i), message: `duplicate ${what} "${value}"` });
    seen.add(value);
  });
}
