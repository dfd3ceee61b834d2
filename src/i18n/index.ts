import type { Language } from '../content/schema';
import type { CoreStringKey } from './en';
import type { PracticeStringKey } from './en-practice';
import { loadOnce } from './load-once';

export type UiStringKey = CoreStringKey | PracticeStringKey;
export type Catalog = Record<UiStringKey, string>;
/** The course frame's strings, or everything (the frame's and the players'). */
export type CatalogPart = 'core' | 'all';

/**
 * Each language's strings are chunks of their own, in two parts: the course frame's, which the
 * first view needs, and the players' (quiz, scenario, card…), loaded with the course's engine.
 * A launch downloads only the language it shows; the other one when the learner switches.
 */
const partLoaders: Record<Language, Record<'core' | 'practice', () => Promise<Partial<Catalog>>>> = {
  en: { core: () => import('./en').then((m) => m.en), practice: () => import('./en-practice').then((m) => m.enPractice) },
  es: { core: () => import('./es').then((m) => m.es), practice: () => import('./es-practice').then((m) => m.esPractice) },
};
const catalogs: Partial<Record<Language, Partial<Catalog>>> = {};
const loaded = new Set<string>();
const loading = new Map<string, Promise<void>>();

function loadPart(language: Language, part: 'core' | 'practice'): Promise<void> {
  const id = `${language}.${part}`;
  if (loaded.has(id)) return Promise.resolve();
  return loadOnce(loading, id, async () => {
    // Awaited before the merge: the other part may arrive meanwhile and must not be overwritten.
    const strings = await partLoaders[language][part]();
    catalogs[language] = { ...catalogs[language], ...strings };
    loaded.add(id);
  });
}

/** Something else a language needs before it is shown (the course outline's texts). */
export interface LanguageCompanion {
  load(language: Language): Promise<void>;
  isLoaded(language: Language): boolean;
}
const companions: LanguageCompanion[] = [];

/** From now on, `loadLanguage` also loads this, and `isLanguageLoaded` waits for it. */
export function loadWithLanguage(companion: LanguageCompanion): void {
  companions.push(companion);
}

/** Makes a language's strings (and its companions) available; resolves at once when they already are. */
export async function loadLanguage(language: Language, part: CatalogPart = 'all'): Promise<void> {
  await Promise.all([loadPart(language, 'core'), part === 'all' ? loadPart(language, 'practice') : undefined, ...companions.map((c) => c.load(language))]);
}

/** For code that has every catalog at hand already (tests, build scripts). */
export function registerCatalog(language: Language, catalog: Catalog): void {
  catalogs[language] = catalog;
  loaded.add(`${language}.core`).add(`${language}.practice`);
}

export function isLanguageLoaded(language: Language, part: CatalogPart = 'all'): boolean {
  return loaded.has(`${language}.core`) && (part === 'core' || loaded.has(`${language}.practice`)) && companions.every((c) => c.isLoaded(language));
}

export { BOOT_TEXT } from './boot-text.ts';

/** Looks up a UI string and fills `{name}` placeholders. */
export function translate(language: Language, key: UiStringKey, values: Record<string, string | number> = {}): string {
  // Callers load the language before showing it; should one not have, any loaded language is
  // better than a broken page.
  const text = catalogs[language]?.[key] ?? catalogs.en?.[key] ?? catalogs.es?.[key];
  if (text === undefined) throw new Error(`UI string "${key}" not loaded: call loadLanguage('${language}') first`);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'es';
}

/** A percentage as people write it: whole numbers, one decimal where it matters ("32.5%", "32,5 %"). */
export function formatPercent(language: Language, value: number): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/** "25 min", "1 h 25 min". */
export function formatMinutes(language: Language, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return translate(language, hours === 0 ? 'time.minutes' : rest === 0 ? 'time.hours' : 'time.hoursMinutes', { hours, minutes: rest });
}

/** "Guideline 2", "Guidelines 2 and 3", "Guidelines 2, 3 and 5" (and the Spanish forms). */
export function guidelineList(language: Language, numbers: readonly number[]): string {
  if (numbers.length === 0) return '';
  const list = numbers.length === 1 ? String(numbers[0]) : `${numbers.slice(0, -1).join(', ')} ${translate(language, 'list.and')} ${numbers.at(-1)}`;
  return translate(language, numbers.length === 1 ? 'guidelines.one' : 'guidelines.many', { list });
}
