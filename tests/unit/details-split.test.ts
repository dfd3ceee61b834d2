import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/loader';
import { detailsBeyond, detailsForProgress, runtimeDetails } from '../../src/content/vite-plugin';
import { mergeInPlace } from '../../src/content/merge-details';
import { outlineTexts, fillOutlineTexts } from '../../src/content/outline-texts';

const { index } = loadCourse(join(import.meta.dirname, '../..'));
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('module details in two parts: what reading saved progress needs, and what play needs besides', () => {
  it.each(index.modules.map((m) => [m.id, m] as const))('%s: the two parts merge back into exactly the runtime details', (_id, module) => {
    const full = clone(runtimeDetails(module));
    const forProgress = clone(detailsForProgress(full));
    const forPlay = clone(detailsBeyond(full, forProgress));
    mergeInPlace(forProgress, forPlay);
    expect(forProgress).toEqual(full);
  });

  it('keeps answers, scores, effects and debrief kinds out of the part loaded before the first view', () => {
    const text = JSON.stringify(index.modules.map((m) => detailsForProgress(runtimeDetails(m))));
    for (const field of ['answer', 'answers', 'partialCredit', 'score', 'effects', 'bestScore', 'kind', 'indicators', 'teaching']) {
      expect(text, field).not.toContain(`"${field}":`);
    }
    // …and keeps what the codec reads: option ids, scenario graphs, the best choices.
    for (const field of ['options', 'items', 'sources', 'targets', 'next', 'best']) expect(text).toContain(`"${field}":`);
  });

  it('refuses play details that do not fit', () => {
    expect(() => mergeInPlace([{ id: 'a' }], { id: 'b' })).toThrow(/do not fit/);
  });
});

describe('outline texts per language', () => {
  const structure = () => ({ title: { $t: 0 }, modules: [{ title: { $t: 1 }, pages: [{ title: { $t: 2 }, minutes: 3 }] }] });

  it('fills each language into the same text objects, leaving only languages in them', async () => {
    const outline = structure();
    const title = outline.modules[0]!.title;
    const texts = { en: ['Course', 'Module', 'Page'], es: ['Curso', 'Módulo', 'Página'] };
    const companion = outlineTexts(outline, async (language) => texts[language]);
    expect(companion.isLoaded('en')).toBe(false);
    await companion.load('en');
    expect(outline.modules[0]!.title).toBe(title);
    expect(title).toEqual({ en: 'Module' });
    await companion.load('es');
    expect(outline).toEqual({ title: { en: 'Course', es: 'Curso' }, modules: [{ title: { en: 'Module', es: 'Módulo' }, pages: [{ title: { en: 'Page', es: 'Página' }, minutes: 3 }] }] });
    expect(companion.isLoaded('es')).toBe(true);
  });

  it('retries a language whose texts failed to load, and names a list that does not fit', async () => {
    let calls = 0;
    const companion = outlineTexts(structure(), async () => {
      calls++;
      if (calls === 1) throw new Error('offline');
      return ['a', 'b', 'c'];
    });
    await expect(companion.load('en')).rejects.toThrow('offline');
    await companion.load('en');
    expect(calls).toBe(2);
    expect(() => fillOutlineTexts(structure(), 'es', ['only one'], new WeakMap())).toThrow(/no text 1/);
  });
});
