import type { Language } from '../content/schema';
import type { UiStringKey } from './en';

export type { UiStringKey };
export type Catalog = Record<UiStringKey, string>;

/**
 * Each language's strings are a chunk of their own: a launch downloads only the language it
 * shows, and the other one only when the learner switches.
 */
const catalogLoaders: Record<Language, () => Promise<Catalog>> = {
  en: () => import('./en').then((m) => m.en),
  es: () => import('./es').then((m) => m.es),
};
const catalogs: Partial<Record<Language, Catalog>> = {};
const loading: Partial<Record<Language, Promise<void>>> = {};

/** Makes a language's strings available to `translate`; resolves at once when they already are. */
export function loadLanguage(language: Language): Promise<void> {
  if (catalogs[language]) return Promise.resolve();
  loading[language] ??= catalogLoaders[language]().then(
    (catalog) => {
      catalogs[language] = catalog;
    },
    (error: unknown) => {
      delete loading[language];
      throw error;
    },
  );
  return loading[language];
}

/** For code that has both catalogs at hand already (tests, build scripts). */
export function registerCatalog(language: Language, catalog: Catalog): void {
  catalogs[language] = catalog;
}

export function isLanguageLoaded(language: Language): boolean {
  return !!catalogs[language];
}

export { BOOT_TEXT } from './boot-text';

/** Looks up a UI string and fills `{name}` placeholders. */
export function translate(language: Language, key: UiStringKey, values: Record<string, string | number> = {}): string {
  // Callers load the language before showing it; should one not have, any loaded language is
  // better than a broken page.
  const catalog = catalogs[language] ?? catalogs.en ?? catalogs.es;
  if (!catalog) throw new Error(`UI strings not loaded: call loadLanguage('${language}') first`);
  return catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
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
