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
