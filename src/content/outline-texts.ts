/**
 * A launch scope's outline arrives without its texts: each `{en, es}` text is `{$t: n}`, and each
 * language's texts come in a chunk of their own, a list of strings in the same order. A launch
 * downloads only the language it shows; the other one when the learner switches to it.
 */
import type { Language } from './schema';
import type { LanguageCompanion } from '../i18n';
import { loadOnce } from '../i18n/load-once';

type Slot = Partial<Record<Language, string>> & { $t?: number };

/** Writes `language`'s texts into every slot of `outline` (in place: the views hold this object). */
export function fillOutlineTexts(outline: unknown, language: Language, texts: readonly string[], slots: WeakMap<object, number>): void {
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const slot = value as Slot;
    // The slot's number is kept aside so the object holds only languages, as a text always has.
    const known = slots.get(slot);
    const index = known ?? (typeof slot.$t === 'number' ? slot.$t : undefined);
    if (index !== undefined) {
      if (known === undefined) {
        slots.set(slot, index);
        delete slot.$t;
      }
      const text = texts[index];
      if (typeof text !== 'string') throw new Error(`the outline's ${language} texts have no text ${index}`);
      slot[language] = text;
      return;
    }
    Object.values(value).forEach(walk);
  };
  walk(outline);
}

/** Loads and fills in a language's outline texts whenever that language's UI strings load. */
export function outlineTexts(outline: unknown, loadTexts: (language: Language) => Promise<unknown>): LanguageCompanion {
  const slots = new WeakMap<object, number>();
  const filled = new Set<Language>();
  const pending = new Map<Language, Promise<void>>();
  return {
    isLoaded: (language) => filled.has(language),
    load(language) {
      if (filled.has(language)) return Promise.resolve();
      return loadOnce(pending, language, async () => {
        const texts = await loadTexts(language);
        if (!Array.isArray(texts)) throw new Error(`the outline's ${language} texts are not a list`);
        fillOutlineTexts(outline, language, texts as string[], slots);
        filled.add(language);
      });
    },
  };
}
