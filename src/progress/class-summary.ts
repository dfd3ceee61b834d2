/**
 * The class view's summary of a group's workshop card files, per module: how many chose each
 * decision in each scenario scene, how each ending was reached, mastery and average pre-test and
 * quiz per objective, and the prompts' answers side by side. Pure; ids only (texts come later).
 */
import type { ModuleSummary } from '../content/schema';
import type { CardFile } from './card-file';

export interface ObjectiveSummary {
  id: string;
  /** Cards with a quiz result for this objective, and how many of them mastered it. */
  assessed: number;
  mastered: number;
  pretestAverage?: number;
  quizAverage?: number;
}

export interface ScenarioSummary {
  id: string;
  scenes: Array<{ id: string; choices: Array<{ id: string; best: boolean; count: number }> }>;
  endings: Array<{ id: string; kind: 'good' | 'mixed' | 'poor'; count: number }>;
}

export interface ModuleClassSummary {
  moduleId: string;
  cards: number;
  objectives: ObjectiveSummary[];
  scenarios: ScenarioSummary[];
  /** Per prompt, the non-empty answers in card order. */
  answers: string[][];
}

const average = (values: number[]) => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : undefined);

export function summariseCards(cards: readonly CardFile[], modules: readonly ModuleSummary[]): ModuleClassSummary[] {
  return modules.flatMap((module) => {
    const mine = cards.filter((c) => c.module === module.id);
    if (mine.length === 0) return [];
    const objectives = module.objectives.map((objective): ObjectiveSummary => {
      const results = mine.flatMap((c) => c.objectives.filter((o) => o.id === objective.id));
      const assessed = results.filter((r) => r.success !== 'unknown');
      const pretest = average(results.flatMap((r) => (r.pretest === undefined ? [] : [r.pretest])));
      const quiz = average(results.flatMap((r) => (r.quiz === undefined ? [] : [r.quiz])));
      return {
        id: objective.id,
        assessed: assessed.length,
        mastered: assessed.filter((r) => r.success === 'passed').length,
        ...(pretest !== undefined ? { pretestAverage: pretest } : {}),
        ...(quiz !== undefined ? { quizAverage: quiz } : {}),
      };
    });
    const scenarios = module.scenarios.map((key): ScenarioSummary => {
      const plays = mine.flatMap((c) => c.scenarios.filter((s) => s.id === key.id));
      return {
        id: key.id,
        scenes: key.scenes.map((scene) => ({
          id: scene.id,
          choices: scene.choices.map((choice) => ({
            id: choice.id,
            best: choice.best,
            count: plays.filter((p) => p.decisions.some((d) => d.scene === scene.id && d.choice === choice.id)).length,
          })),
        })),
        endings: key.endings.map((ending) => ({ id: ending.id, kind: ending.kind, count: plays.filter((p) => p.ending === ending.id).length })),
      };
    });
    const answers = module.workshopPrompts.map((_, i) => mine.map((c) => c.prompts[i]?.trim() ?? '').filter(Boolean));
    return [{ moduleId: module.id, cards: mine.length, objectives, scenarios, answers }];
  });
}
