/**
 * Fits saved progress to the content this build carries. Progress is keyed by structure
 * (structure-keys.ts), so after a content edit what still fits is carried over: pages seen by
 * id, quiz answers to questions that still exist (unchanged), a scenario's plays while its graph
 * is unchanged. What no longer fits is listed, and the saved text is kept as a browser copy
 * (setAside) before the course writes over it, so support staff can still read it.
 *
 * To add a field to suspend_data: write it after the last one in codec.ts (older builds ignore
 * it), read it in parseProgress, and fit it here by key, adding what does not fit to `dropped`.
 */
import type { QuizKey } from '../content/schema';
import type { Position } from '../machines/course-navigation';
import { questionById, type QuizSnapshotData } from '../machines/quiz-state';
import { attemptSeed, drawQuestions, type Response } from '../machines/quiz-scoring';
import type { CodecModule, DecodeResult, SavedProgress } from './codec';
import { parseProgress, FORMAT_TAG, type ParsedModule } from './parse';
import { fitPosition, fitVisited } from './place';
import { decodeLegacyProgress, LEGACY_TAG } from './legacy-codec';
import { decodeResponse, objectivesOf, parseQuiz, quizFromParsed, type ParsedQuiz } from './quiz-codec';
import { decodeScenarios, type ScenarioProgress } from './scenario-codec';
import { decodePretest } from './pretest-codec';
import { moduleKey, pageKey, questionKey, quizKey, scenarioKey } from './structure-keys';
import { decodeChecks, type CheckAnswers } from './check-codec';
import { fitTasks, type TaskAnswers } from './task-codec';

export function decodeProgress(text: string, contentHash: string, modules: readonly CodecModule[]): DecodeResult {
  if (!text) return { status: 'empty' };
  const tag = text.slice(0, text.indexOf('|'));
  if (tag === LEGACY_TAG) return decodeLegacyProgress(text, contentHash, modules);
  if (tag !== FORMAT_TAG) return { status: 'incompatible', reason: 'unknown progress format' };
  const parsed = parseProgress(text);
  if (typeof parsed === 'string') return { status: 'corrupt', reason: parsed };
  const dropped: string[] = [];
  const progress: SavedProgress = { savedAt: parsed.savedAt, language: parsed.language, position: { module: 0, page: 0 }, visited: [], quizzes: [], scenarios: [] };
  const used = new Set<ParsedModule>();
  const checks: CheckAnswers[] = [];
  const tasks: TaskAnswers[] = [];
  for (const module of modules) {
    const saved = parsed.modules.find((m) => m.key === moduleKey(module.id));
    if (saved) used.add(saved);
    const fitted = fitModule(module, saved, dropped);
    if (typeof fitted === 'string') return { status: 'corrupt', reason: fitted };
    progress.visited.push(fitted.visited);
    progress.quizzes.push(fitted.quiz);
    progress.scenarios.push(fitted.scenarios);
    const answers = fitAnswers(module, saved, dropped);
    checks.push(answers.checks);
    tasks.push(answers.tasks);
    if (saved?.pretest) {
      const pretest = decodePretest(saved.pretest, module);
      if (pretest === null) return { status: 'corrupt', reason: `bad pre-test for module ${module.id}` };
      if (pretest === 'changed') dropped.push(`the pre-test of module ${module.id}, whose quiz bank changed`);
      else (progress.pretests ??= modules.map(() => undefined))[modules.indexOf(module)] = pretest;
    }
  }
  if (checks.some((a) => Object.keys(a).length)) progress.checks = checks;
  if (tasks.some((a) => Object.keys(a).length)) progress.tasks = tasks;
  for (const saved of parsed.modules) if (!used.has(saved) && hasProgress(saved)) dropped.push(`a module (${saved.key}) this package no longer has`);
  progress.position = fitPosition(parsed.position, modules);
  return { status: 'restored', progress, dropped };
}

/**
 * Knowledge-check and written-task answers are saved by position in checks.yaml and tasks.yaml:
 * when those no longer fit (a check or task added, removed or changed), they are dropped, never
 * misread.
 */
function fitAnswers(module: CodecModule, saved: ParsedModule | undefined, dropped: string[]): { checks: CheckAnswers; tasks: TaskAnswers } {
  const checks = saved?.checks ? decodeChecks(saved.checks, module.checks) : {};
  if (!checks) dropped.push(`the knowledge-check answers of module ${module.id}, whose checks changed`);
  const tasks = saved?.tasks ? fitTasks(saved.tasks, module.tasks) : {};
  if (!tasks) dropped.push(`the written tasks of module ${module.id}, whose tasks changed`);
  return { checks: checks ?? {}, tasks: tasks ?? {} };
}

const hasProgress = (saved: ParsedModule) => saved.pages.length > 0 || saved.quiz !== undefined || saved.scenarios.length > 0;

interface FittedModule {
  visited: boolean[];
  quiz: QuizSnapshotData | undefined;
  scenarios: Array<ScenarioProgress | undefined>;
}

function fitModule(module: CodecModule, saved: ParsedModule | undefined, dropped: string[]): FittedModule | string {
  const keys = module.pageIds.map(pageKey);
  const visited = fitVisited(module, saved?.pages);
  const gone = saved?.pages.filter((key) => !keys.includes(key)).length ?? 0;
  if (gone > 0) dropped.push(`${gone} seen page(s) of module ${module.id} no longer in it`);

  let quiz: QuizSnapshotData | undefined;
  if (saved?.quiz && !module.quiz) dropped.push(`the quiz of module ${module.id}, which has none now`);
  if (saved?.quiz && module.quiz) {
    const parsed = parseQuiz(saved.quiz.text);
    if (parsed === null) return `bad quiz for module ${module.id}`;
    if (saved.quiz.key === quizKey(module.quiz)) {
      const same = parsed && quizFromParsed(parsed, module.quiz, module.objectiveIds);
      if (same === null) return `bad quiz for module ${module.id}`;
      quiz = same;
    } else if (parsed) {
      const refitted = refitQuiz(parsed, module.quiz, module.objectiveIds);
      quiz = refitted.quiz;
      if (refitted.dropped > 0) dropped.push(`${refitted.dropped} quiz answer(s) in module ${module.id} to questions that changed`);
    }
  }

  const scenarios: FittedModule['scenarios'] = [];
  for (const key of module.scenarios) {
    const entry = saved?.scenarios.find((s) => s.key === scenarioKey(key));
    const decoded = entry ? decodeScenarios(entry.text, [key]) : [undefined];
    if (!decoded) return `bad scenario ${key.id} in module ${module.id}`;
    scenarios.push(decoded[0]);
  }
  const keptScenarios = new Set(module.scenarios.map(scenarioKey));
  const changed = saved?.scenarios.filter((s) => !keptScenarios.has(s.key)).length ?? 0;
  if (changed > 0) dropped.push(`${changed} scenario play(s) in module ${module.id} whose scenario changed`);
  return { visited, quiz, scenarios };
}

/**
 * A quiz saved against another draw or other questions: the seed, attempts and scores stay; the
 * current attempt is drawn again from the same seed, and each answer whose question still exists
 * unchanged is kept. An attempt under way resumes at its first open question.
 */
export function refitQuiz(parsed: ParsedQuiz, quiz: QuizKey, objectiveIds: readonly string[]): { quiz: QuizSnapshotData; dropped: number } {
  const { seed, attempt, lastScore, countedScore } = parsed;
  const kept = { seed, attempt, ...(lastScore === undefined ? {} : { lastScore }), ...(countedScore === undefined ? {} : { countedScore }), countedObjectives: objectivesOf(parsed, objectiveIds) };
  if (attempt === 0) return { quiz: { ...kept, state: 'ready', index: 0, responses: [] }, dropped: 0 };
  const answers = new Map(parsed.answers.flatMap((a) => (a ? [[a.key, a.token] as const] : [])));
  const drawn = drawQuestions(quiz.questions, quiz.draw, attemptSeed(seed, attempt));
  const responses: Array<Response | undefined> = drawn.map((id) => {
    const question = questionById(quiz, id);
    const token = answers.get(questionKey(question));
    return token === undefined ? undefined : (decodeResponse(question, token) ?? undefined);
  });
  const dropped = answers.size - responses.filter(Boolean).length;
  if (parsed.state === 'review') return { quiz: { ...kept, state: 'review', index: drawn.length - 1, responses }, dropped };
  const open = responses.findIndex((r) => !r);
  const state = open < 0 ? 'feedback' : 'answering';
  return { quiz: { ...kept, state, index: open < 0 ? drawn.length - 1 : open, responses }, dropped };
}

/** The saved page when it still exists; else the start of its module, or of the course. */
/** True when nothing of what was saved could be carried over. */
export function nothingFits(progress: SavedProgress): boolean {
  return (
    progress.visited.every((pages) => !pages.some(Boolean)) &&
    progress.quizzes.every((q) => !q || (q.attempt === 0 && q.countedScore === undefined)) &&
    progress.scenarios.every((list) => list.every((s) => !s || (s.choices.length === 0 && s.bestPercent === undefined && s.plays <= 1)))
  );
}
