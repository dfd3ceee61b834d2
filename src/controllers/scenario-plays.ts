/**
 * The scenarios' plays: per module, per scenario, the running play (an XState actor restored by
 * replaying the saved choices) and what is kept across plays. Each choice becomes an LMS
 * interaction and a save; "play again" keeps the finished play for the workshop card.
 */
import type { Language, ModuleSummary, ScenarioKey, ScenarioText } from '../content/schema';
import type { ScenarioCommand } from '../components/scenario-view';
import type { InteractionRecord } from '../lms/runtime';
import { scenarioInteractionId } from '../lms/identifiers';
import { scorePercent, startScenario, type ScenarioActor, type ScenarioContext } from '../machines/scenario-machine';
import type { ScenarioProgress } from '../progress/scenario-codec';
import { objectiveId } from '../progress/tracking';

export interface ScenarioPlaysHost {
  /** The language on screen and a scenario's text in it (for the interaction's description). */
  language(): Language;
  textOf(moduleId: string, language: Language, scenarioId: string): ScenarioText | undefined;
  recordInteraction(interaction: InteractionRecord): void;
  /** A play moved on (a choice, or a new play): save now and redraw. */
  changed(): void;
}

export class ScenarioPlays {
  /** Started when first shown or asked for: building a play's machine is not free, and most wait. */
  private readonly actors: Array<Array<ScenarioActor | undefined>>;
  /** Per module, per scenario: what progress saves. */
  readonly progress: ScenarioProgress[][];

  constructor(
    private readonly modules: readonly ModuleSummary[],
    restored: ReadonlyArray<ReadonlyArray<ScenarioProgress | undefined>> | undefined,
    private readonly host: ScenarioPlaysHost,
  ) {
    this.progress = modules.map((module, m) => module.scenarios.map((_, i) => restored?.[m]?.[i] ?? { plays: 1, choices: [] }));
    this.actors = modules.map((module) => module.scenarios.map(() => undefined));
  }

  /** The running play of scenario `i` of module `m`. */
  actor(m: number, i: number): ScenarioActor {
    return (this.actors[m]![i] ??= this.play(m, this.modules[m]!.scenarios[i]!, this.progress[m]![i]!.choices));
  }

  /** What the scenario view shows for scenario `i` of module `m`. */
  view(m: number, i: number, text: ScenarioText | undefined): { key: ScenarioKey; text: ScenarioText | undefined; at: string; context: ScenarioContext } {
    const snapshot = this.actor(m, i).getSnapshot();
    return { key: this.modules[m]!.scenarios[i]!, text, at: String(snapshot.value), context: snapshot.context };
  }

  command(m: number, scenarioId: string, command: ScenarioCommand): void {
    const i = this.modules[m]!.scenarios.findIndex((s) => s.id === scenarioId);
    if (i < 0) return;
    if (command.type === 'choose') {
      this.actor(m, i).send({ type: 'choose', choice: command.choice });
      return;
    }
    const finished = this.actor(m, i).getSnapshot().status === 'done';
    this.actor(m, i).stop();
    const progress = this.progress[m]![i]!;
    // The finished play stays on the workshop card until the new one finishes.
    this.progress[m]![i] = { ...progress, plays: progress.plays + 1, choices: [], ...(finished ? { lastFinished: progress.choices } : {}) };
    this.actors[m]![i] = this.play(m, this.modules[m]!.scenarios[i]!, []);
    this.host.changed();
  }

  /** Starts (or restores) a play; every later choice becomes an interaction and a save. */
  private play(m: number, key: ScenarioKey, choices: readonly string[]): ScenarioActor {
    const actor = startScenario(key, choices) ?? startScenario(key)!;
    let steps = actor.getSnapshot().context.path.length;
    actor.subscribe((snapshot) => {
      if (snapshot.context.path.length === steps) return;
      steps = snapshot.context.path.length;
      this.step(m, key, snapshot.context.path.at(-1)!, snapshot.status === 'done', snapshot.context.score);
    });
    return actor;
  }

  private step(m: number, key: ScenarioKey, step: { scene: string; choice: string }, finished: boolean, score: number): void {
    const module = this.modules[m]!;
    const i = module.scenarios.indexOf(key);
    const progress = this.progress[m]![i]!;
    const percent = scorePercent(key, score);
    this.progress[m]![i] = {
      plays: progress.plays,
      choices: [...progress.choices, step.choice],
      ...(finished ? { bestPercent: Math.max(progress.bestPercent ?? 0, percent) } : progress.bestPercent !== undefined ? { bestPercent: progress.bestPercent } : {}),
      ...(!finished && progress.lastFinished ? { lastFinished: progress.lastFinished } : {}),
    };
    const scene = key.scenes.find((s) => s.id === step.scene)!;
    const best = scene.choices.find((c) => c.best)!;
    const text = this.host.textOf(module.id, this.host.language(), key.id);
    this.host.recordInteraction({
      id: scenarioInteractionId(module.id, key.id, step.scene, progress.plays),
      description: text?.scenes[step.scene]?.choices[step.choice]?.text ?? step.choice,
      objectiveId: objectiveId(module.id, key.objectives[0]!),
      pattern: { type: 'choice', options: scene.choices.map((c) => c.id), learner: [step.choice], correct: [best.id] },
      result: step.choice === best.id ? 'correct' : 'incorrect',
      weighting: 1,
      latencySeconds: 0,
      timestamp: new Date(),
    });
    this.host.changed();
  }
}
