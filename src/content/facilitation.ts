/**
 * The trainer's material, read at build time only for the facilitator guide (never shipped to
 * learners, and not part of the content hash, so editing it never resets anyone's progress):
 *   modules/facilitation.yaml               key messages per Guideline and per Principle, audiences, replication
 *   modules/<module>/facilitation.yaml      the session's activity blocks with their facilitation notes
 * Problems name the file and line, like the rest of the content.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { ContentError, type ContentProblem } from './errors.ts';
import { localizedText, type CourseIndex, type LocalizedText } from './schema.ts';
import { parseYaml, validateYaml, type YamlSource } from './yaml-source.ts';

const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case');
const number = (max: number, what: string) => z.number().int().min(1, `MICIC has ${what} 1 to ${max}`).max(max, `MICIC has ${what} 1 to ${max}`);

export const ACTIVITY_KINDS = ['opening', 'input', 'group-work', 'debrief', 'quiz-review', 'closing'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

const activitySchema = z.strictObject({
  kind: z.enum(ACTIVITY_KINDS),
  minutes: z.number().int().min(5, 'an activity takes at least 5 minutes'),
  title: localizedText,
  /** group-work and debrief: the scenario of this module they use. */
  scenario: kebabId.optional(),
  /** input: the pages of this module it draws on (they carry no time of their own). */
  pages: z.array(kebabId).default([]),
  purpose: localizedText,
  setup: localizedText,
  /** Words the trainer can read out. */
  say: localizedText,
  listenFor: localizedText,
  misconceptions: z.array(z.strictObject({ belief: localizedText, answer: localizedText })).default([]),
  /** debrief: the scene to stop the groups at, and the questions to ask. */
  stopAt: kebabId.optional(),
  questions: z.array(localizedText).default([]),
});
export type Activity = z.infer<typeof activitySchema>;

export const sessionFileSchema = z.strictObject({
  /** The Guidelines and Principles whose key messages this session's guide carries. */
  guidelines: z.array(number(15, 'Guidelines')).min(1),
  principles: z.array(number(10, 'Principles')).default([]),
  activities: z.array(activitySchema).min(1),
});
export type SessionPlan = z.infer<typeof sessionFileSchema>;

export const trainerFileSchema = z.strictObject({
  guidelines: z.array(z.strictObject({ number: number(15, 'Guidelines'), message: localizedText })),
  principles: z.array(
    z.strictObject({
      number: number(10, 'Principles'),
      /** confirmed: read in full; partial: part of the wording read; unconfirmed: not read, so no message. */
      wording: z.enum(['confirmed', 'partial', 'unconfirmed']),
      title: localizedText.optional(),
      message: localizedText.optional(),
    }),
  ),
  /** Said instead of a key message for a Principle whose wording is unconfirmed. */
  unconfirmedPrinciple: localizedText,
  audiences: z.array(z.strictObject({ id: kebabId, title: localizedText, notes: localizedText })).min(1),
  replication: z.strictObject({ intro: localizedText, fields: z.array(localizedText).min(1) }),
});
export type TrainerFile = z.infer<typeof trainerFileSchema>;

export interface Facilitation {
  course: TrainerFile;
  /** By module id. */
  sessions: Map<string, SessionPlan>;
}

/** The principle's key message, or the note that its wording is unconfirmed. */
export function principleMessage(file: TrainerFile, n: number): { title?: LocalizedText; message: LocalizedText; unconfirmed: boolean } | undefined {
  const entry = file.principles.find((p) => p.number === n);
  if (!entry) return undefined;
  if (entry.wording === 'unconfirmed' || !entry.message) return { unconfirmed: true, message: file.unconfirmedPrinciple };
  return { ...(entry.title ? { title: entry.title } : {}), message: entry.message, unconfirmed: false };
}

export function loadFacilitation(projectRoot: string, course: CourseIndex, modulesDir = 'modules'): Facilitation {
  const problems: ContentProblem[] = [];
  const rel = (path: string) => relative(projectRoot, path).split('\\').join('/');
  const read = <T extends z.ZodType>(path: string, schema: T): { source: YamlSource; value: z.infer<T> } | undefined => {
    if (!existsSync(path)) {
      problems.push({ file: rel(path), message: 'file is missing (the facilitator guide is built from it)' });
      return undefined;
    }
    const parsed = parseYaml(rel(path), readFileSync(path, 'utf8'));
    if (!parsed.ok) return void problems.push(...parsed.problems);
    const result = validateYaml(parsed.source, schema);
    if (!result.ok) return void problems.push(...result.problems);
    return { source: parsed.source, value: result.value };
  };
  const root = join(projectRoot, modulesDir);
  const trainer = read(join(root, 'facilitation.yaml'), trainerFileSchema);
  const sessions = new Map<string, SessionPlan>();
  for (const module of course.modules) {
    const plan = read(join(root, module.folder, 'facilitation.yaml'), sessionFileSchema);
    if (!plan) continue;
    const { source, value } = plan;
    const total = value.activities.reduce((sum, a) => sum + a.minutes, 0);
    if (total !== module.sessionMinutes) {
      problems.push({ file: source.file, line: source.lineOf(['activities']), message: `the activities take ${total} minutes but the session has ${module.sessionMinutes} (module.yaml sessionMinutes)` });
    }
    const pageIds = new Set(module.pages.map((p) => p.id));
    const scenarioIds = new Set(module.scenarios.map((s) => s.id));
    value.activities.forEach((activity, i) => {
      const at = (path: PropertyKey[]) => source.lineOf(['activities', i, ...path]);
      activity.pages.forEach((page, p) => {
        if (!pageIds.has(page)) problems.push({ file: source.file, line: at(['pages', p]), message: `page "${page}" is not a page of module "${module.id}"` });
      });
      if ((activity.kind === 'group-work' || activity.kind === 'debrief') && !activity.scenario) {
        problems.push({ file: source.file, line: at(['kind']), message: `a ${activity.kind} activity names its "scenario"` });
      }
      const scenario = activity.scenario ? module.scenarios.find((s) => s.id === activity.scenario) : undefined;
      if (activity.scenario && !scenarioIds.has(activity.scenario)) {
        problems.push({ file: source.file, line: at(['scenario']), message: `scenario "${activity.scenario}" is not a scenario of module "${module.id}"` });
      }
      if (activity.stopAt && scenario && !scenario.scenes.some((s) => s.id === activity.stopAt)) {
        problems.push({ file: source.file, line: at(['stopAt']), message: `scene "${activity.stopAt}" is not a scene of scenario "${scenario.id}"` });
      }
      if (activity.kind === 'debrief' && activity.questions.length === 0) {
        problems.push({ file: source.file, line: at(['kind']), message: 'a debrief activity lists its "questions"' });
      }
    });
    if (trainer) {
      for (const [list, what] of [[value.guidelines, 'Guideline'], [value.principles, 'Principle']] as const) {
        const authored = what === 'Guideline' ? trainer.value.guidelines : trainer.value.principles;
        list.forEach((n, i) => {
          if (!authored.some((a) => a.number === n)) {
            problems.push({ file: source.file, line: source.lineOf([what === 'Guideline' ? 'guidelines' : 'principles', i]), message: `${what} ${n} has no key message in ${trainer.source.file}` });
          }
        });
      }
    }
    sessions.set(module.id, value);
  }
  if (trainer) {
    trainer.value.principles.forEach((p, i) => {
      if (p.wording !== 'unconfirmed' && !p.message) {
        problems.push({ file: trainer.source.file, line: trainer.source.lineOf(['principles', i]), message: `Principle ${p.number} is marked ${p.wording} but has no "message"` });
      }
    });
  }
  if (problems.length > 0 || !trainer) throw new ContentError(problems);
  return { course: trainer.value, sessions };
}
