/**
 * The traceability table: for each of the 15 MICIC Guidelines, the objectives, pages, quiz
 * questions, knowledge checks and scenario decisions that teach or test it. Written to dist/ and
 * printed by `npm run traceability`.
 */
import type { CourseIndex, ModuleContent } from '../src/content/schema.ts';

export interface GuidelineTrace {
  guideline: number;
  objectives: string[];
  pages: string[];
  questions: string[];
  decisions: string[];
}

/** Guideline numbers a text cites: "(Guideline 4)", "Guidelines 5 and 7", "Guidelines 2, 4"; not ranges like "1 to 8". */
export function citedGuidelines(text: string): Set<number> {
  const found = new Set<number>();
  for (const match of text.matchAll(/Guidelines?\s+(\d+(?:\s*(?:,|and)\s*\d+)*)(?!\s*(?:to|-|–)\s*\d)/g)) {
    for (const n of match[1]!.match(/\d+/g) ?? []) {
      const g = Number(n);
      if (g >= 1 && g <= 15) found.add(g);
    }
  }
  return found;
}

export function traceability(course: CourseIndex, english: (moduleId: string) => ModuleContent): GuidelineTrace[] {
  const rows: GuidelineTrace[] = [];
  for (let g = 1; g <= 15; g++) rows.push({ guideline: g, objectives: [], pages: [], questions: [], decisions: [] });
  const row = (g: number) => rows[g - 1]!;
  for (const module of course.modules) {
    const content = english(module.id);
    for (const objective of module.objectives) for (const g of objective.guidelines) row(g).objectives.push(`${module.id}.${objective.id}`);
    for (const page of content.pages) {
      const text = page.blocks.map((b) => ('html' in b ? b.html.replace(/<[^>]+>/g, ' ') : '')).join(' ');
      for (const g of citedGuidelines(text)) row(g).pages.push(`${module.id}/${page.id}`);
    }
    for (const question of module.quiz?.questions ?? []) for (const g of question.guidelines) row(g).questions.push(`${module.id}.${question.id}`);
    for (const check of Object.values(module.checks)) for (const g of check.guidelines) row(g).questions.push(`${module.id}.${check.id} (check)`);
    for (const scenario of module.scenarios) {
      for (const scene of scenario.scenes) {
        for (const choice of scene.choices) for (const g of choice.guidelines) row(g).decisions.push(`${module.id}.${scenario.id}.${scene.id}/${choice.id}`);
      }
    }
  }
  for (const r of rows) r.decisions = [...new Set(r.decisions)];
  return rows;
}

export function traceabilityMarkdown(rows: GuidelineTrace[]): string {
  const cell = (items: string[]) => (items.length ? `${items.length}: ${items.join(', ')}` : '**none**');
  return [
    '# MICIC guideline traceability',
    '',
    '| Guideline | Objectives | Pages | Questions and checks | Scenario decisions |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.guideline} | ${cell(r.objectives)} | ${cell(r.pages)} | ${cell(r.questions)} | ${cell(r.decisions)} |`),
    '',
  ].join('\n');
}

/** Guidelines not taught by a page, or not tested by a question or a decision. */
export function coverageGaps(rows: GuidelineTrace[]): string[] {
  return rows.flatMap((r) => [
    ...(r.pages.length ? [] : [`Guideline ${r.guideline} is taught on no page`]),
    ...(r.questions.length || r.decisions.length ? [] : [`Guideline ${r.guideline} is tested by no question or scenario decision`]),
  ]);
}
