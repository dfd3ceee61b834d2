import { describe, expect, it } from 'vitest';
import { outlineTexts, fillOutlineTexts } from '../../src/content/outline-texts';

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
