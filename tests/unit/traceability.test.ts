/** The traceability table is built from the content itself. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/loader.ts';
import { citedGuidelines, traceability, traceabilityMarkdown } from '../../packaging/traceability.ts';

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
