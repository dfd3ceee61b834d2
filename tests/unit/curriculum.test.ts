/**
 * The curriculum is complete, as the course promises trainers: per module 4-6 objectives tied to
 * MICIC Guidelines, 5-9 pages with a knowledge check and a summary with workshop prompts, a quiz
 * bank of 12 or more questions using all five types, and three or more branching scenarios with at
 * least four decisions on every path and three endings; a figure on at least half of the content
 * pages; and every one of the 15 Guidelines taught on a page and
 * tested by a question or a decision.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/loader.ts';
import { buildScenarioMachine } from '../../src/machines/scenario-machine.ts';
import { scenarioPaths } from '../../src/machines/scenario-paths.ts';
import { coverageGaps, principleTraceability, traceability } from '../../packaging/traceability.ts';

const { index, contents, reference } = loadCourse(join(import.meta.dirname, '../..'));

describe('the MICIC curriculum', () => {
  for (const module of index.modules) {
    describe(`module ${module.number}: ${module.title.en}`, () => {
      it('has 4 to 6 objectives, each tied to MICIC Guidelines unless it is about the Initiative or the structure of the Guidelines', () => {
        expect(module.objectives.length).toBeGreaterThanOrEqual(4);
        expect(module.objectives.length).toBeLessThanOrEqual(6);
        expect(module.objectives.filter((o) => o.guidelines.length === 0).map((o) => o.id)).toEqual(module.number === 1 ? ['micic-basics', 'phases-and-guidelines'] : []);
      });

      it('has 5 to 9 pages, a knowledge check, and a summary that places the workshop prompts', () => {
        expect(module.pages.length).toBeGreaterThanOrEqual(5);
        expect(module.pages.length).toBeLessThanOrEqual(9);
        expect(Object.keys(module.checks).length).toBeGreaterThan(0);
        const pages = contents.get(`${module.id}.en`)!.pages;
        expect(pages.at(-1)!.id).toBe('summary-and-workshop');
        expect(pages.at(-1)!.blocks.some((b) => 'prompts' in b)).toBe(true);
        expect(module.workshopPrompts.length).toBeGreaterThanOrEqual(4);
      });

      it('has a quiz bank of 12 or more questions using all five types', () => {
        const questions = module.quiz!.questions;
        expect(questions.length).toBeGreaterThanOrEqual(12);
        expect(new Set(questions.map((q) => q.type)).size).toBe(5);
      });

      it('has three or more scenarios, each with at least four decisions on every path and three endings', () => {
        expect(module.scenarios.length).toBeGreaterThanOrEqual(3);
        for (const key of module.scenarios) {
          expect(key.endings.map((e) => e.kind).sort(), key.id).toEqual(['good', 'mixed', 'poor']);
          const paths = scenarioPaths(key).filter((p) => p.state.status === 'done');
          const shortest = Math.min(...paths.map((p) => p.state.context.path.length));
          expect(shortest, key.id).toBeGreaterThanOrEqual(4);
        }
      });
    });
  }

  it('teaches every Guideline on a substantive page, tests it with two graded questions and a scenario decision, and covers each confirmed Principle', () => {
    const english = (id: string) => contents.get(`${id}.en`)!;
    expect(coverageGaps(traceability(index, english), principleTraceability(index, english), index)).toEqual([]);
  });

  it('has a figure (a captioned image, a figure block or a labelled graphic) on at least half of its content pages, in both languages', () => {
    for (const language of index.languages) {
      const content = index.modules.flatMap((m) => contents.get(`${m.id}.${language}`)!.pages.filter((p) => !m.navigationPages?.includes(p.id)));
      const figured = content.filter((p) => p.blocks.some((b) => 'html' in b && /<figure class="(figure|block-figure)"|<micic-hotspots/.test(b.html)));
      expect(figured.length * 2, `${language}: ${figured.length} of ${content.length}`).toBeGreaterThanOrEqual(content.length);
    }
  });

  it('has a glossary and references in both languages', () => {
    for (const language of index.languages) {
      expect(reference.get(language)!.glossary.length).toBeGreaterThanOrEqual(10);
      expect(reference.get(language)!.references.length).toBeGreaterThanOrEqual(5);
    }
    const terms = reference.get('en')!.glossary.map((g) => g.term.toLowerCase());
    for (const needed of ['migrant', 'host state', 'state of origin', 'consular assistance', 'evacuation', 'relocation', 'referral', 'vulnerability factors']) {
      expect(terms.some((t) => t.startsWith(needed)), needed).toBe(true);
    }
  });
});
