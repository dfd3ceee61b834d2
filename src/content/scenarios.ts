/**
 * Build-time loading and verification of scenarios/*.yaml. Each scenario is compiled to its
 * state machine and walked path by path (scenario-paths.ts): every scene reachable, every path
 * ending in an ending, every ending reachable, indicators within their ranges and no path scoring above the
 * best one. A failure names the scenario, the scene and the problem.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bestPath } from '../machines/scenario-graph.ts';
import { scenarioPaths } from '../machines/scenario-paths.ts';
import type { ContentProblem } from './errors.ts';
import { scenarioProblems } from './item-writing.ts';
import { LANGUAGES, scenarioFileSchema, type Language, type ModuleFile, type ScenarioFile, type ScenarioKey, type ScenarioText } from './schema.ts';
import { validateYaml, type YamlSource } from './yaml-source.ts';

export interface LoadedScenarios {
  keys: ScenarioKey[];
  texts: Map<Language, Record<string, ScenarioText>>;
}

export function loadScenarios(
  module: ModuleFile,
  folderPath: string,
  readYaml: (path: string) => YamlSource | undefined,
  problems: ContentProblem[],
  options: { itemWriting: boolean } = { itemWriting: true },
): LoadedScenarios {
  const result: LoadedScenarios = { keys: [], texts: new Map(LANGUAGES.map((l) => [l, {}])) };
  const dir = join(folderPath, 'scenarios');
  if (!existsSync(dir)) return result;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const source = readYaml(join(dir, name));
    if (!source) continue;
    const parsed = validateYaml(source, scenarioFileSchema);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const scenario = parsed.value;
    const before = problems.length;
    if (`${scenario.id}.yaml` !== name) problems.push({ file: source.file, line: source.lineOf(['id']), message: `scenario id "${scenario.id}" must match its file name (${name})` });
    checkStructure(scenario, module, source, problems);
    if (options.itemWriting) problems.push(...scenarioProblems(scenario, source));
    if (problems.length > before) continue;
    const key = scenarioKey(scenario);
    checkPaths(scenario, key, source, problems);
    if (problems.length > before) continue;
    result.keys.push(key);
    for (const language of LANGUAGES) result.texts.get(language)![scenario.id] = scenarioText(scenario, language);
  }
  return result;
}

function checkStructure(scenario: ScenarioFile, module: ModuleFile, source: YamlSource, problems: ContentProblem[]): void {
  const problem = (path: Array<string | number>, message: string) =>
    problems.push({ file: source.file, line: source.lineOf(path), message: `scenario "${scenario.id}": ${message}` });
  const objectives = new Set(module.objectives.map((o) => o.id));
  scenario.objectives.forEach((id, i) => {
    if (!objectives.has(id)) problem(['objectives', i], `objective "${id}" is not one of this module's objectives`);
  });
  const indicators = new Set<string>();
  scenario.indicators.forEach((indicator, i) => {
    if (indicators.has(indicator.id)) problem(['indicators', i, 'id'], `duplicate indicator "${indicator.id}"`);
    indicators.add(indicator.id);
    if (!(indicator.min <= indicator.start && indicator.start <= indicator.max)) {
      problem(['indicators', i, 'start'], `indicator "${indicator.id}" starts at ${indicator.start}, outside its range ${indicator.min} to ${indicator.max}`);
    }
  });
  const ids = new Map<string, string>();
  const claim = (id: string, what: string, path: Array<string | number>) => {
    const previous = ids.get(id);
    if (previous) problem(path, `${what} id "${id}" is already used by a ${previous}`);
    ids.set(id, what);
  };
  scenario.scenes.forEach((scene, i) => claim(scene.id, 'scene', ['scenes', i, 'id']));
  scenario.endings.forEach((ending, i) => claim(ending.id, 'ending', ['endings', i, 'id']));
  if (ids.get(scenario.start) !== 'scene') problem(['start'], `start "${scenario.start}" is not one of its scenes`);
  scenario.scenes.forEach((scene, i) => {
    const best = scene.choices.filter((c) => c.best).length;
    if (best !== 1) problem(['scenes', i, 'id'], `scene "${scene.id}" must mark exactly one choice "best: true" (it marks ${best})`);
    const choiceIds = new Set<string>();
    scene.choices.forEach((choice, j) => {
      if (choiceIds.has(choice.id)) problem(['scenes', i, 'choices', j, 'id'], `scene "${scene.id}" has two choices "${choice.id}"`);
      choiceIds.add(choice.id);
      if (!ids.has(choice.next)) problem(['scenes', i, 'choices', j, 'next'], `scene "${scene.id}", choice "${choice.id}" leads to "${choice.next}", which is neither a scene nor an ending`);
      for (const indicator of Object.keys(choice.effects)) {
        if (!indicators.has(indicator)) problem(['scenes', i, 'choices', j, 'effects', indicator], `scene "${scene.id}", choice "${choice.id}" changes unknown indicator "${indicator}"`);
      }
    });
  });
  // Scenarios move forward: a loop would let a learner go round for ever.
  const nextOf = new Map(scenario.scenes.map((s) => [s.id, s.choices.map((c) => c.next)]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): boolean => {
    if (state.get(id) === 'done' || !nextOf.has(id)) return true;
    if (state.get(id) === 'visiting') {
      const loop = [...trail.slice(trail.indexOf(id)), id];
      problem(['scenes', scenario.scenes.findIndex((s) => s.id === trail.at(-1)), 'id'], `scene "${trail.at(-1)}" leads back to "${id}" (${loop.join(' → ')}): scenarios may not loop`);
      return false;
    }
    state.set(id, 'visiting');
    const ok = nextOf.get(id)!.every((next) => visit(next, [...trail, id]));
    state.set(id, 'done');
    return ok;
  };
  for (const scene of scenario.scenes) if (!visit(scene.id, [])) break;
}

function checkPaths(scenario: ScenarioFile, key: ScenarioKey, source: YamlSource, problems: ContentProblem[]): void {
  const problem = (path: Array<string | number>, message: string) =>
    problems.push({ file: source.file, line: source.lineOf(path), message: `scenario "${scenario.id}": ${message}` });
  const paths = scenarioPaths(key);
  const visited = new Set<string>();
  const endingsReached = new Set<string>();
  const reported = new Set<string>();
  for (const path of paths) {
    for (const step of [path.steps[0], ...path.steps].filter(Boolean)) visited.add(String(step!.state.value));
    visited.add(String(path.state.value));
    if (path.state.status !== 'done') continue;
    endingsReached.add(String(path.state.value));
    for (const indicator of key.indicators) {
      // Report the step that first takes the indicator out of range, once per scene and choice.
      const step = path.steps.find((s) => {
        const value = s.state.context.indicators[indicator.id]!;
        return value < indicator.min || value > indicator.max;
      });
      const last = step?.state.context.path.at(-1);
      if (!step || !last) continue;
      const where = `${indicator.id}@${last.scene}/${last.choice}`;
      if (reported.has(where)) continue;
      reported.add(where);
      const value = step.state.context.indicators[indicator.id]!;
      const sceneIndex = scenario.scenes.findIndex((s) => s.id === last.scene);
      problem(['scenes', sceneIndex, 'id'], `scene "${last.scene}", choice "${last.choice}" takes indicator "${indicator.id}" to ${value}, outside its range ${indicator.min} to ${indicator.max} (path: ${step.state.context.path.map((p) => p.choice).join(' → ')})`);
    }
    if (path.state.context.score > key.bestScore) {
      problem(['scenes'], `the path ${path.state.context.path.map((p) => p.choice).join(' → ')} scores ${path.state.context.score}, more than the best path (${key.bestScore}): mark the best choices or adjust the scores`);
    }
  }
  for (const path of paths) {
    if (path.state.status !== 'done' && !key.scenes.find((s) => s.id === path.state.value)?.choices.length) {
      problem(['scenes'], `a path stops at "${String(path.state.value)}" without reaching an ending`);
    }
  }
  scenario.scenes.forEach((scene, i) => {
    if (!visited.has(scene.id)) problem(['scenes', i, 'id'], `scene "${scene.id}" cannot be reached from the start`);
  });
  scenario.endings.forEach((ending, i) => {
    if (!endingsReached.has(ending.id)) problem(['endings', i, 'id'], `ending "${ending.id}" cannot be reached`);
  });
}

export function scenarioKey(scenario: ScenarioFile): ScenarioKey {
  const key: ScenarioKey = {
    id: scenario.id,
    title: scenario.title,
    objectives: scenario.objectives,
    indicators: scenario.indicators.map(({ id, min, max, start }) => ({ id, min, max, start })),
    start: scenario.start,
    scenes: scenario.scenes.map((scene) => ({
      id: scene.id,
      choices: scene.choices.map(({ id, next, score, best, effects, guidelines }) => ({ id, next, score, best, effects, guidelines })),
    })),
    endings: scenario.endings.map(({ id, kind }) => ({ id, kind })),
    bestScore: 0,
  };
  key.bestScore = bestPath(key).reduce((sum, step) => sum + (key.scenes.find((s) => s.id === step.scene)!.choices.find((c) => c.id === step.choice)!.score), 0);
  return key;
}

function scenarioText(scenario: ScenarioFile, language: Language): ScenarioText {
  return {
    title: scenario.title[language],
    role: scenario.role[language],
    setting: scenario.setting[language],
    indicators: Object.fromEntries(scenario.indicators.map((i) => [i.id, i.label[language]])),
    scenes: Object.fromEntries(
      scenario.scenes.map((scene) => [
        scene.id,
        {
          situation: scene.situation[language],
          choices: Object.fromEntries(scene.choices.map((c) => [c.id, { text: c.text[language], consequence: c.consequence[language] }])),
        },
      ]),
    ),
    endings: Object.fromEntries(scenario.endings.map((e) => [e.id, { title: e.title[language], debrief: e.debrief[language] }])),
  };
}
