/**
 * Written tasks (modules/<module>/tasks.yaml): an objective that promises a product ("draft a
 * checklist", "compose a message", "plan a review") is assessed by writing one. The learner writes
 * a short answer on a page ("```task <id>```"), compares it with a model answer, ticks the key
 * points it covers (self-assessment), and keeps it on the workshop card. Checked at build.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ContentProblem } from './errors.ts';
import { kebabId, LANGUAGES, localizedText, type Language, type ModuleFile, type QuestionText, type ScenarioKey, type TaskKey } from './schema.ts';
import { validateYaml, type YamlSource } from './yaml-source.ts';

export const tasksFileSchema = z.strictObject({
  tasks: z
    .array(
      z.strictObject({
        id: kebabId,
        objective: kebabId,
        /** The longest answer kept, in characters (progress has room for a few hundred per module). */
        maxLength: z.number().int().min(100).max(500).default(400),
        prompt: localizedText,
        modelAnswer: localizedText,
        /** The key points of the model answer, which the learner ticks. */
        points: z.array(localizedText).min(2, 'a task needs at least two key points').max(8, 'at most eight key points'),
      }),
    )
    .min(1, 'tasks.yaml needs at least one task'),
});
type TasksFile = z.infer<typeof tasksFileSchema>;

/** Objectives whose English text starts with one of these promise a product. */
export const PRODUCTION_VERBS = /^(draft|compose|design|plan|propose|write)\b/i;

export interface LoadedTasks {
  keys: TaskKey[];
  /** Texts per language, by task id: prompt, model answer (explanation) and key points (labels 1..n). */
  texts: Map<Language, Record<string, QuestionText>>;
}

export function loadTasks(
  module: ModuleFile,
  folderPath: string,
  readYaml: (path: string) => YamlSource | undefined,
  problems: ContentProblem[],
  usedIds: ReadonlySet<string>,
): LoadedTasks {
  const result: LoadedTasks = { keys: [], texts: new Map(LANGUAGES.map((l) => [l, {}])) };
  const path = join(folderPath, 'tasks.yaml');
  const source = existsSync(path) ? readYaml(path) : undefined;
  if (!source) return result;
  const parsed = validateYaml(source, tasksFileSchema);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return result;
  }
  const objectives = new Set(module.objectives.map((o) => o.id));
  const seen = new Set<string>();
  parsed.value.tasks.forEach((task: TasksFile['tasks'][number], i) => {
    const problem = (field: string, message: string) => problems.push({ file: source.file, line: source.lineOf(['tasks', i, field]), message: `task "${task.id}": ${message}` });
    if (seen.has(task.id) || usedIds.has(task.id)) problem('id', 'the id is already used by another task or question of this module');
    seen.add(task.id);
    if (!objectives.has(task.objective)) problem('objective', `objective "${task.objective}" is not one of this module's objectives`);
    result.keys.push({ id: task.id, objective: task.objective, points: task.points.length, maxLength: task.maxLength });
    for (const language of LANGUAGES) {
      result.texts.get(language)![task.id] = {
        prompt: task.prompt[language],
        explanation: task.modelAnswer[language],
        labels: Object.fromEntries(task.points.map((point, p) => [String(p + 1), point[language]])),
        feedback: {},
      };
    }
  });
  return result;
}

/** Objectives that promise a product but have neither a written task nor a scenario to produce it in. */
export function unassessedProduction(module: ModuleFile, source: YamlSource, tasks: readonly TaskKey[], scenarios: readonly ScenarioKey[]): ContentProblem[] {
  return module.objectives.flatMap((objective, i) =>
    PRODUCTION_VERBS.test(objective.text.en) && !tasks.some((t) => t.objective === objective.id) && !scenarios.some((s) => s.objectives.includes(objective.id))
      ? [
          {
            file: source.file,
            line: source.lineOf(['objectives', i, 'text']),
            message: `objective "${objective.id}" promises a product ("${objective.text.en.split(' ')[0]}"); assess it with a written task (tasks.yaml) or a scenario`,
          },
        ]
      : [],
  );
}
