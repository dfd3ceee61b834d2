/** The facilitator guide holds, in both languages, everything the content says a trainer needs. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/loader.ts';
import { loadFacilitation, principleMessage } from '../../src/content/facilitation.ts';
import { agenda, answerText } from '../../packaging/facilitator-guide.ts';

const root = join(import.meta.dirname, '../..');
const dist = join(root, 'dist');
const built = existsSync(join(dist, 'facilitator-guide.en.html'));
const course = loadCourse(root);
const facilitation = loadFacilitation(root, course.index);

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
          const session = html.slice(html.indexOf(`id="session-${module.number}"`));
          const rows = [...session.slice(0, session.indexOf('</table>')).matchAll(/<td class="time">(\d+)–(\d+) min<\/td>/g)].map((m) => [Number(m[1]), Number(m[2])]);
          // Rows follow one another from 0 to the session's end, one per authored activity (no row per page).
          expect(rows[0]![0]).toBe(0);
          rows.slice(1).forEach((row, i) => expect(row[0]).toBe(rows[i]![1]));
          expect(rows.at(-1)![1]).toBe(module.sessionMinutes);
          expect(rows.length).toBe(facilitation.sessions.get(module.id)!.activities.length);
        }
      });

      it("carries every key message of each session's Guidelines and Principles in this language", () => {
        for (const module of course.index.modules) {
          const plan = facilitation.sessions.get(module.id)!;
          const session = visibleText(html.slice(html.indexOf(`id="session-${module.number}"`), html.indexOf(`id="session-${module.number + 1}"`) >>> 0));
          for (const n of plan.guidelines) {
            const message = facilitation.course.guidelines.find((g) => g.number === n)!.message[language];
            expect(session, `Guideline ${n}`).toContain(message.replace(/\s+/g, ' '));
          }
          for (const n of plan.principles) expect(session, `Principle ${n}`).toContain(principleMessage(facilitation.course, n)!.message[language].replace(/\s+/g, ' '));
        }
      });

      it('has no empty label and no dangling "Guidelines" label', () => {
        const empty = [...html.matchAll(/<(dt|dd|li|p|td|th|h[1-5]|strong|span|caption|figcaption)(\s[^>]*)?>\s*<\/\1>/g)].map((m) => m[0]);
        expect(empty).toEqual([]);
        const labels = language === 'en' ? ['Guidelines', 'Guideline', 'Principle'] : ['Directrices', 'Directriz', 'Principio'];
        for (const label of labels) {
          // Once the markup is gone, a label is always followed by its number(s), a colon or more words.
          const dangling = [...text.matchAll(new RegExp(`(?:·|\\()\\s*${label}\\b(?!\\s*[\\d:])`, 'g'))].map((m) => m[0]);
          expect(dangling, label).toEqual([]);
        }
        for (const match of html.matchAll(/<strong>([^<]*):<\/strong>\s*(<\/p>|$)/g)) expect.fail(`label "${match[1]}" has no text after it`);
      });

      it('puts debrief questions beside every scenario map, however many scenarios a module has', () => {
        for (const module of course.index.modules) {
          for (const scenario of module.scenarios) {
            const block = html.slice(html.indexOf(`id="map-${module.id}-${scenario.id}"`));
            const aside = block.slice(block.indexOf('<aside'), block.indexOf('</aside>'));
            expect(block.indexOf('<aside')).toBeLessThan(block.indexOf('</figure>') + 40);
            expect((aside.match(/<li>/g) ?? []).length, `${module.id}/${scenario.id}`).toBeGreaterThanOrEqual(3);
          }
        }
      });

      it('adapts to five audiences and ends with a one-page replication plan', () => {
        for (const audience of facilitation.course.audiences) expect(text).toContain(audience.notes[language].replace(/\s+/g, ' '));
        expect(facilitation.course.audiences.map((a) => a.id)).toEqual(['municipal', 'health', 'consular', 'first-responders', 'civil-society']);
        const replication = html.slice(html.indexOf('<section class="replication"'));
        for (const field of facilitation.course.replication.fields) expect(replication).toContain(field[language].replace(/&/g, '&amp;'));
      });
    });
  }
});

describe('trainer notes (modules/facilitation.yaml and each module\'s)', () => {
  it('authors a key message for every Guideline 1 to 15 and says so where a Principle is unconfirmed', () => {
    expect(facilitation.course.guidelines.map((g) => g.number)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(facilitation.course.principles.map((p) => p.number)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    for (const n of [1, 2, 3, 4]) expect(principleMessage(facilitation.course, n)!.unconfirmed, `Principle ${n}`).toBe(false);
    // The brief confirms Principles 1-4 in full and 5 in part; 6-10 must not be invented.
    for (const n of [6, 7, 8, 9, 10]) expect(principleMessage(facilitation.course, n)!.unconfirmed, `Principle ${n}`).toBe(true);
  });

  it("covers each session's phase: its Guidelines in guidelines.yaml", () => {
    const phases = course.reference.get('en')!.guidelines.phases;
    course.index.modules.forEach((module, i) => {
      const plan = facilitation.sessions.get(module.id)!;
      for (const g of phases[i]!.guidelines) expect(plan.guidelines, `${module.id}: Guideline ${g.number}`).toContain(g.number);
    });
  });

  it('agendas add up to each session\'s minutes', () => {
    for (const module of course.index.modules) {
      const rows = agenda(facilitation.sessions.get(module.id)!);
      expect(rows.at(-1)!.end).toBe(module.sessionMinutes);
      expect(rows.reduce((sum, r) => sum + r.activity.minutes, 0)).toBe(module.sessionMinutes);
    }
  });

  /** A copy of the trainer notes with one file changed, loaded against the real course. */
  function loadEdited(file: string, edit: (text: string) => string) {
    const dir = mkdtempSync(join(tmpdir(), 'micic-facilitation-'));
    for (const module of course.index.modules) mkdirSync(join(dir, 'modules', module.folder), { recursive: true });
    for (const name of ['facilitation.yaml', ...course.index.modules.map((m) => `${m.folder}/facilitation.yaml`)]) {
      copyFileSync(join(root, 'modules', name), join(dir, 'modules', name));
    }
    writeFileSync(join(dir, 'modules', file), edit(readFileSync(join(root, 'modules', file), 'utf8')));
    return () => loadFacilitation(dir, course.index);
  }

  it('fails the build on a missing Spanish key message, naming the file and line', () => {
    const load = loadEdited('facilitation.yaml', (t) => t.replace(/(- number: 7\n    message:\n      en: [^\n]*\n)      es: [^\n]*\n/, '$1'));
    expect(load).toThrow(/modules\/facilitation\.yaml:\d+: "guidelines\.6\.message\.es" is required but missing/);
  });

  it('fails the build on a session Guideline without a key message', () => {
    const load = loadEdited('facilitation.yaml', (t) => t.replace(/  - number: 12\n    message:\n(      e[ns]: [^\n]*\n){2}/, ''));
    expect(load).toThrow(/02-response\/facilitation\.yaml:\d+: Guideline 12 has no key message/);
  });

  it('fails the build when the activities do not fill the session', () => {
    const load = loadEdited('01-preparedness/facilitation.yaml', (t) => t.replace('minutes: 15', 'minutes: 20'));
    expect(load).toThrow(/01-preparedness\/facilitation\.yaml:\d+: the activities take 185 minutes but the session has 180/);
  });
});
