/**
 * Two saved states of the same learner merged by content, never by clock: every page seen on
 * either side stays seen; each quiz and each scenario comes whole from the side that got further
 * (a quiz's answers belong to its own draw, so they are never mixed); the best scenario score is
 * the better of the two; the place and language come from the side with more progress overall.
 */
import type { QuizSnapshotData } from '../machines/quiz-state';
import { encodeProgress, type CodecModule, type SavedProgress } from './codec';
import { decodeProgress } from './migration';
import type { ScenarioProgress } from './scenario-codec';

const QUIZ_STATE_RANK = { ready: 0, answering: 1, feedback: 2, review: 3 } as const;

/** How far a quiz got, compared item by item (attempt, then state, then answers given). */
function quizProgress(quiz: QuizSnapshotData | undefined): number[] {
  if (!quiz) return [-1];
  return [quiz.attempt, QUIZ_STATE_RANK[quiz.state], quiz.responses.filter((r) => r !== undefined).length, quiz.index];
}

function scenarioProgress(scenario: ScenarioProgress | undefined): number[] {
  if (!scenario) return [-1];
  return [scenario.plays, scenario.choices.length];
}

/** Lexicographic comparison: positive when a got further than b. */
function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

function amount(progress: SavedProgress): number {
  const pages = progress.visited.flat().filter(Boolean).length;
  const answers = progress.quizzes.reduce((sum, q) => sum + (q ? q.attempt * 100 + q.responses.filter((r) => r !== undefined).length : 0), 0);
  const choices = progress.scenarios.flat().reduce((sum, s) => sum + (s ? s.plays * 100 + s.choices.length : 0), 0);
  return pages + answers + choices;
}

export function mergeSaved(a: SavedProgress, b: SavedProgress): SavedProgress {
  const lead = amount(a) > amount(b) ? a : b;
  return {
    savedAt: Math.max(a.savedAt, b.savedAt),
    language: lead.language,
    position: lead.position,
    visited: a.visited.map((pages, m) => pages.map((seen, p) => seen || b.visited[m]![p]!)),
    quizzes: a.quizzes.map((quiz, m) => (compare(quizProgress(quiz), quizProgress(b.quizzes[m])) > 0 ? quiz : b.quizzes[m])),
    scenarios: a.scenarios.map((list, m) =>
      list.map((scenario, i) => {
        const other = b.scenarios[m]![i];
        const kept = compare(scenarioProgress(scenario), scenarioProgress(other)) > 0 ? scenario : other;
        const best = Math.max(scenario?.bestPercent ?? -1, other?.bestPercent ?? -1);
        return kept && best >= 0 ? { ...kept, bestPercent: best } : kept;
      }),
    ),
  };
}

/**
 * Merges the LMS's copy and the browser's copy of suspend_data. A side that cannot be read (empty,
 * damaged, other content) gives way to the other; when neither can be read the browser's is kept.
 * A copy saved for edited content is not merged but taken as it is, so that the launch fits it to
 * this content and sets aside what no longer fits (controllers/saved-progress.ts).
 */
export function mergeCopies(lmsCopy: string, browserCopy: string, contentHash: string, modules: readonly CodecModule[]): string {
  const fromLms = decodeProgress(lmsCopy, contentHash, modules);
  const fromBrowser = decodeProgress(browserCopy, contentHash, modules);
  if (fromLms.status !== 'restored') return fromBrowser.status === 'restored' || browserCopy ? browserCopy : lmsCopy;
  if (fromBrowser.status !== 'restored') return lmsCopy;
  if (fromLms.dropped.length > 0 || fromBrowser.dropped.length > 0) return browserCopy;
  return encodeProgress(mergeSaved(fromLms.progress, fromBrowser.progress), modules);
}

/** What the codec needs of each module in scope (pages with the extra quiz, scenario and card pages). */
export function codecModulesOf(
  modules: ReadonlyArray<{ id: string; pages: ReadonlyArray<{ id: string }>; quiz?: CodecModule['quiz']; scenarios: CodecModule['scenarios']; objectives: ReadonlyArray<{ id: string }>; checks?: CodecModule['checks']; tasks?: CodecModule['tasks'] }>,
): CodecModule[] {
  return modules.map((m) => ({ id: m.id, pageIds: m.pages.map((p) => p.id), quiz: m.quiz, scenarios: m.scenarios, objectiveIds: m.objectives.map((o) => o.id), checks: m.checks, tasks: m.tasks }));
}
