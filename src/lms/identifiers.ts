/**
 * Identifiers the course sends to an LMS. Authored ids are kebab-case (`voluntary-registration`);
 * Moodle checks SCORM 2004 response identifiers against `^[\w.]{1,250}$` and refuses a hyphen
 * (error 406), so every id the course emits, in both versions, is written with underscores:
 * `voluntary_registration`. Kebab-case ids never contain an underscore, so the mapping is
 * one-to-one (no two authored ids meet) and stable (the same id always maps the same way).
 */
import type { InteractionPattern, InteractionRecord } from './runtime';

/** What every LMS accepts: letters, digits, underscore and dot, 1 to 250 characters. */
export const LMS_IDENTIFIER = /^[\w.]{1,250}$/;

/** An authored id (or dotted path of ids) as the LMS receives it. */
export function lmsId(authored: string): string {
  return authored.replace(/-/g, '_');
}

/** The authored form back from an LMS id (for reading what an LMS holds). */
export function authoredId(lms: string): string {
  return lms.replace(/_/g, '-');
}

/** `<module>.<objective>`: the objective ids in cmi.objectives and interactions' objectives. */
export function lmsObjectiveId(moduleId: string, objectiveId: string): string {
  return lmsId(`${moduleId}.${objectiveId}`);
}

/** Problems with the ids one scope emits (one question's options, one scene's choices…). */
export function identifierProblems(ids: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const id of ids) {
    const mapped = lmsId(id);
    if (!LMS_IDENTIFIER.test(mapped)) problems.push(`"${id}" becomes "${mapped}", which an LMS refuses (letters, digits, _ and . only, at most 250)`);
    const other = seen.get(mapped);
    if (other !== undefined && other !== id) problems.push(`"${id}" and "${other}" both become "${mapped}"`);
    seen.set(mapped, id);
  }
  return problems;
}

/** The interaction with every id in it (its own, its objective's, each response's) as the LMS receives it. */
export function lmsInteraction(interaction: InteractionRecord): InteractionRecord {
  const ids = (list: readonly string[]) => list.map(lmsId);
  const pairs = (list: ReadonlyArray<readonly [string, string]>) => list.map(([s, t]) => [lmsId(s), lmsId(t)] as const);
  const p = interaction.pattern;
  const pattern: InteractionPattern =
    p.type === 'true-false'
      ? p
      : p.type === 'matching'
        ? { ...p, sources: ids(p.sources), targets: ids(p.targets), learner: pairs(p.learner), correct: pairs(p.correct) }
        : { ...p, options: ids(p.options), learner: ids(p.learner), correct: ids(p.correct) };
  return {
    ...interaction,
    id: lmsId(interaction.id),
    ...(interaction.objectiveId ? { objectiveId: lmsId(interaction.objectiveId) } : {}),
    pattern,
  };
}

/** A quiz answer's interaction id (authored form): `<module>.<question>.<attempt>`. */
export function quizInteractionId(moduleId: string, questionId: string, attempt: number): string {
  return `${moduleId}.${questionId}.${attempt}`;
}

/** A scenario decision's interaction id (authored form): `<module>.<scenario>.<scene>.<play>`. */
export function scenarioInteractionId(moduleId: string, scenarioId: string, sceneId: string, play: number): string {
  return `${moduleId}.${scenarioId}.${sceneId}.${play}`;
}
