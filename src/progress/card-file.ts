/**
 * The workshop card as a small file a trainee downloads for their trainer: their answers to the
 * workshop prompts, their scenario decisions and their objective results (pre-test, quiz), by
 * content id and nothing else (no name, no LMS data). The trainer's class view reads these files
 * in the browser. Parsing checks every id against the course, so a file from another course or
 * another content version is refused with a reason rather than misread.
 */
import type { Language, ModuleSummary } from '../content/schema';

export const CARD_FILE_KIND = 'micic-workshop-card';

export interface CardFile {
  kind: typeof CARD_FILE_KIND;
  version: 1;
  course: string;
  module: string;
  language: Language;
  objectives: Array<{ id: string; success: 'passed' | 'failed' | 'unknown'; quiz?: number; pretest?: number }>;
  /** The decisions of the play shown on the card (the last finished one, or the current one). */
  scenarios: Array<{ id: string; decisions: Array<{ scene: string; choice: string }>; ending?: string }>;
  /** Answers to the module's workshop prompts, in their order ('' = no answer). */
  prompts: string[];
}

export function cardFileName(card: Pick<CardFile, 'course' | 'module'>): string {
  return `${card.course}-${card.module}-workshop-card.json`;
}

type Parsed = { ok: true; card: CardFile } | { ok: false; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPercent = (v: unknown) => v === undefined || (typeof v === 'number' && v >= 0 && v <= 100);

/** Reads a card file's text and checks it against this course's modules. */
export function parseCardFile(text: string, courseId: string, modules: readonly ModuleSummary[]): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (!isRecord(data) || data.kind !== CARD_FILE_KIND || data.version !== 1) return { ok: false, reason: 'not a workshop card file' };
  if (data.course !== courseId) return { ok: false, reason: `course "${String(data.course)}"` };
  const module = modules.find((m) => m.id === data.module);
  if (!module) return { ok: false, reason: `unknown module "${String(data.module)}"` };
  if (data.language !== 'en' && data.language !== 'es') return { ok: false, reason: 'unknown language' };
  const { objectives, scenarios, prompts } = data;
  if (!Array.isArray(objectives) || !Array.isArray(scenarios) || !Array.isArray(prompts)) return { ok: false, reason: 'missing parts' };
  for (const o of objectives) {
    if (!isRecord(o) || !module.objectives.some((mo) => mo.id === o.id)) return { ok: false, reason: 'unknown objective' };
    if (!['passed', 'failed', 'unknown'].includes(o.success as string) || !isPercent(o.quiz) || !isPercent(o.pretest)) return { ok: false, reason: 'bad objective result' };
  }
  for (const s of scenarios) {
    const key = isRecord(s) ? module.scenarios.find((k) => k.id === s.id) : undefined;
    if (!key || !isRecord(s) || !Array.isArray(s.decisions)) return { ok: false, reason: 'unknown scenario' };
    for (const d of s.decisions) {
      const scene = isRecord(d) ? key.scenes.find((sc) => sc.id === d.scene) : undefined;
      if (!scene || !isRecord(d) || !scene.choices.some((c) => c.id === d.choice)) return { ok: false, reason: `unknown decision in "${key.id}"` };
    }
    if (s.ending !== undefined && !key.endings.some((e) => e.id === s.ending)) return { ok: false, reason: `unknown ending in "${key.id}"` };
  }
  if (prompts.length !== module.workshopPrompts.length || !prompts.every((p) => typeof p === 'string')) return { ok: false, reason: 'prompts do not match this module' };
  return { ok: true, card: data as unknown as CardFile };
}
