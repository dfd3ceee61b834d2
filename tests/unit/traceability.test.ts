/** The traceability table is built from the content itself. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/loader.ts';
import { citedGuidelines, COVERAGE, coverageGaps, PRINCIPLES_PENDING, principleTraceability, traceability, traceabilityMarkdown } from '../../packaging/traceability.ts';

describe('traceability', () => {
  it('reads guideline citations, not ranges of phases', () => {
    expect([...citedGuidelines('(Guideline 4) and Guidelines 5 and 7; also Guidelines 2, 11')].sort((a, b) => a - b)).toEqual([2, 4, 5, 7, 11]);
    expect([...citedGuidelines('Crisis preparedness (Guidelines 1 to 8)')]).toEqual([]);
  });

  it('lists every question, check and scenario decision under each guideline it cites', () => {
    const { index, contents } = loadCourse(join(import.meta.dirname, '../..'));
    const rows = traceability(index, (id) => contents.get(`${id}.en`)!);
    expect(rows.map((r) => r.guideline)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    for (const module of index.modules) {
      for (const question of module.quiz?.questions ?? []) {
        for (const g of question.guidelines) expect(rows[g - 1]!.questions).toContain(`${module.id}.${question.id}`);
      }
      for (const scenario of module.scenarios) {
        for (const scene of scenario.scenes) {
          for (const choice of scene.choices) {
            for (const g of choice.guidelines) expect(rows[g - 1]!.decisions).toContain(`${module.id}.${scenario.id}.${scene.id}/${choice.id}`);
          }
        }
      }
      for (const objective of module.objectives) {
        for (const g of objective.guidelines) expect(rows[g - 1]!.objectives).toContain(`${module.id}.${objective.id}`);
      }
    }
    expect(traceabilityMarkdown(rows).split('\n').filter((line) => /^\| \d+ \|/.test(line))).toHaveLength(15);
  });
});

describe('traceability tells the truth', () => {
  const { index, contents } = loadCourse(join(import.meta.dirname, '../..'));
  const english = (id: string) => contents.get(`${id}.en`)!;

  it('counts navigation pages for nothing', () => {
    const rows = traceability(index, english);
    const navigation = index.modules.flatMap((m) => (m.navigationPages ?? []).map((p) => `${m.id}/${p}`));
    expect(navigation).toContain('preparedness/summary-and-workshop');
    for (const row of rows) for (const page of navigation) expect(row.pages).not.toContain(page);
    // The summaries do cite Guidelines: without the rule they would count.
    const summary = english('preparedness').pages.find((p) => p.id === 'summary-and-workshop')!;
    expect(citedGuidelines(summary.blocks.map((b) => ('html' in b ? b.html : '')).join(' ')).size).toBeGreaterThan(0);
  });

  it('counts only graded questions as graded, and scenes as decisions', () => {
    const rows = traceability(index, english);
    const checkIds = new Set(index.modules.flatMap((m) => Object.keys(m.checks).map((id) => `${m.id}.${id}`)));
    for (const row of rows) for (const q of row.questions) expect(checkIds.has(q)).toBe(false);
    const gaps = coverageGaps(rows.map((r) => (r.guideline === 7 ? { ...r, questions: r.questions.slice(0, 1), decisions: [] } : r)));
    expect(gaps).toEqual(['Guideline 7 is tested by 1 graded questions (needs 2)', 'Guideline 7 is put to 0 scenario decisions (needs 1)']);
  });

  it('holds each confirmed Principle to a page section and a question, and lists the rest as pending', () => {
    const principles = principleTraceability(index, english);
    expect(PRINCIPLES_PENDING).toEqual([6, 7, 8, 9, 10]);
    for (const p of principles.filter((p) => !PRINCIPLES_PENDING.includes(p.principle))) {
      expect(p.sections.length, `Principle ${p.principle}`).toBeGreaterThanOrEqual(1);
      expect(p.questions.length, `Principle ${p.principle}`).toBeGreaterThanOrEqual(1);
    }
    const withoutP2 = principles.map((p) => (p.principle === 2 ? { ...p, questions: [] } : p));
    expect(coverageGaps([], withoutP2)).toEqual(['Principle 2 is tested by no question']);
    expect(traceabilityMarkdown([], principles)).toContain('| 6 | pending: wording not confirmed | pending |');
  });

  it('refuses an objective tagged with every Guideline', () => {
    expect(coverageGaps([], [], index)).toEqual([]);
    const overTagged = { ...index, modules: index.modules.map((m, i) => (i === 0 ? { ...m, objectives: [{ ...m.objectives[0]!, guidelines: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] }] } : m)) };
    expect(coverageGaps([], [], overTagged)).toEqual([`Objective preparedness.${index.modules[0]!.objectives[0]!.id} is tagged with 15 Guidelines (at most ${COVERAGE.maxGuidelinesPerObjective})`]);
  });
});
