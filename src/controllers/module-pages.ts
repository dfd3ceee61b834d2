/**
 * A module as the learner navigates it: its authored pages, then its scenarios, its quiz and the
 * workshop card, each with the minutes it is expected to take.
 */
import type { ContentPart, ModuleOutline, ModuleSummary, PageSummary } from '../content/schema';
import { BOOT_TEXT } from '../i18n/boot-text';

/** The quiz is shown after the module's pages and scenarios, under this reserved page id. */
export const QUIZ_PAGE_ID = 'quiz';
/** Each scenario is a page after the module's text pages, under this reserved prefix. */
export const SCENARIO_PAGE_PREFIX = 'scenario-';
/** The trainee's printable card for the workshop closes each module. */
export const CARD_PAGE_ID = 'workshop-card';
/** Minutes to fill in, read and print the workshop card. */
const CARD_MINUTES = 3;

export type NavigableModule = ModuleSummary & { textPages: number };
/** A module as the first view navigates it: its outline (no quiz keys or scenario graphs yet). */
export type NavigableOutline = ModuleOutline & { textPages: number };

export function withExtraPages(module: ModuleSummary): NavigableModule;
export function withExtraPages(module: ModuleOutline): NavigableOutline;
export function withExtraPages(module: ModuleOutline): NavigableOutline {
  const { scenarios, quizMinutes } = module.exercises;
  const extra: PageSummary[] = [
    ...scenarios.map((s) => ({ id: `${SCENARIO_PAGE_PREFIX}${s.id}`, title: s.title, minutes: s.minutes })),
    ...(quizMinutes !== undefined ? [{ id: QUIZ_PAGE_ID, title: BOOT_TEXT.quizTitle, minutes: quizMinutes }] : []),
    { id: CARD_PAGE_ID, title: BOOT_TEXT.cardTitle, minutes: CARD_MINUTES },
  ];
  return { ...module, textPages: module.pages.length, pages: [...module.pages, ...extra] };
}

export function moduleMinutes(module: Pick<ModuleSummary, 'pages'>): number {
  return module.pages.reduce((sum, page) => sum + page.minutes, 0);
}

/** The texts the workshop card shows: every scenario's (the decisions taken) and the written tasks'. */
export function cardParts(module: Pick<ModuleSummary, 'scenarios' | 'tasks'>): ContentPart[] {
  return [...module.scenarios.map((s) => `scenario-${s.id}` as const), ...(module.tasks?.length ? (['tasks'] as const) : [])];
}
