import type { Language } from '../content/schema';
import { en, type UiStringKey } from './en';
import { es } from './es';

export type { UiStringKey };

const catalogs: Record<Language, Record<UiStringKey, string>> = { en, es };

/** Looks up a UI string and fills `{name}` placeholders. */
export function translate(language: Language, key: UiStringKey, values: Record<string, string | number> = {}): string {
  return catalogs[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'es';
}
