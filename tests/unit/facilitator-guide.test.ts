/** The facilitator guide holds, in both languages, everything the content says a trainer needs. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/loader.ts';
import { answerText } from '../../packaging/facilitator-guide.ts';

const root = join(import.meta.dirname, '../..');
const dist = join(root, 'dist');
const built = existsSync(join(dist, 'facilitator-guide.en.html'));
const course = loadCourse(root);

/** The text as a browser would show it: entities decoded, markup gone. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe.skipIf(!built)('facilitator guide', () => {
  for (const language of course.index.languages) {
    describe(language, () => {
      const html = readFileSync(join(dist, `facilitator-guide.${language}.html`), 'utf8');
      const text = visibleText(html);
      const words = language === 'en' ? { true: 'True', false: 'False' } : { true: 'Verdadero', false: 'Falso' };

      it('is in its language', () => {
        expect(html).toContain(`<html lang="${language}">`);
      });

      it('has a session per module, with every objective and workshop prompt', () => {
        for (const module of course.index.modules) {
          expect(text).toContain(module.title[language]);
          for (const objective of module.objectives) expect(text, objective.id).toContain(objective.text[language].replace(/\s+/g, ' '));
          for (const prompt of module.workshopPrompts) expect(text).toContain(prompt[language].replace(/\s+/g, ' '));
          expect(module.workshopPrompts.length).toBeGreaterThan(0);
        }
      });

      it('has every quiz answer with its explanation', () => {
        for (const module of course.index.modules) {
          const content = course.contents.get(`${module.id}.${language}`)!;
          for (const question of module.quiz?.questions ?? []) {
            const qt = content.questions[question.id]!;
            expect(text, question.id).toContain(qt.prompt.replace(/\s+/g, ' '));
            expect(text, question.id).toContain(qt.explanation.replace(/\s+/g, ' '));
            expect(text, question.id).toContain(answerText(question, qt, words as never).replace(/\s+/g, ' '));
          }
        }
      });

      it("has every scenario's map, endings and debriefs", () => {
        for (const module of course.index.modules) {
          const content = course.contents.get(`${module.id}.${language}`)!;
          for (const scenario of module.scenarios) {
            expect(html).toContain(`id="map-${module.id}-${scenario.id}"`);
            for (const ending of scenario.endings) {
              expect(text).toContain(content.scenarios[scenario.id]!.endings[ending.id]!.debrief.replace(/\s+/g, ' '));
            }
          }
        }
      });

      it('gives each session an agenda that fills its minutes', () => {
        for (const module of course.index.modules) {
          expect(html).toMatch(new RegExp(`–${module.sessionMinutes} min</td>`));
        }
      });
    });
  }
});
