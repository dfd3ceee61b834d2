/**
 * The course's texts as they arrive, chunk by chunk: each page (with its checks' texts), the
 * quiz questions, each scenario and the written tasks, per module and language; and what a page
 * needs before it is shown (its text, its practice texts, the code of its player and blocks), so
 * it is drawn whole.
 */
import type { ContentPart, Language, ModuleContent, PageChunk, QuestionText, ScenarioText } from '../content/schema';
import { CARD_PAGE_ID, cardParts, QUIZ_PAGE_ID, SCENARIO_PAGE_PREFIX, type NavigableModule } from './module-pages';

/** Loads one chunk of a module's text (see ContentPart). */
export interface ContentLoader {
  (moduleId: string, language: Language, part: `page-${string}`): Promise<PageChunk>;
  (moduleId: string, language: Language, part: 'quiz' | 'tasks'): Promise<Record<string, QuestionText>>;
  (moduleId: string, language: Language, part: `scenario-${string}`): Promise<ScenarioText>;
}

export interface PageTextsHost {
  /** Trainer preview: scenarios show as scripts. */
  trainer: boolean;
  /** The module's pre-test is under way (its questions' texts are needed on the first page). */
  pretestInProgress(m: number): boolean;
  /** The module's first page shows the pre-test's card. */
  pretestShown(m: number): boolean;
}

export class PageTexts {
  private readonly content = new Map<string, ModuleContent>();
  /** `${moduleId}.${language}.${part}` of the practice texts loaded so far. */
  private readonly partsLoaded = new Set<string>();

  constructor(
    private readonly modules: readonly NavigableModule[],
    private readonly load: ContentLoader,
    private readonly host: PageTextsHost,
  ) {}

  /** The texts loaded so far for a module in a language (pages arrive one by one). */
  contentFor(moduleId: string, language: Language): ModuleContent {
    const key = `${moduleId}.${language}`;
    let content = this.content.get(key);
    if (!content) {
      content = { moduleId, language, pages: [], questions: {}, scenarios: {} };
      this.content.set(key, content);
    }
    return content;
  }

  get(m: number, language: Language): ModuleContent | undefined {
    return this.content.get(`${this.modules[m]!.id}.${language}`);
  }

  async loadPage(m: number, page: number, language: Language): Promise<void> {
    const module = this.modules[m]!;
    const content = this.contentFor(module.id, language);
    const pageId = module.pages[page]!.id;
    if (page < module.textPages && !content.pages[page]) {
      const chunk = await this.load(module.id, language, `page-${pageId}`);
      // New objects, not changed ones: the views redraw when what they are given changes.
      content.questions = { ...content.questions, ...chunk.questions };
      content.pages[page] = chunk.page;
    }
  }

  hasParts(m: number, language: Language, parts: readonly ContentPart[]): boolean {
    return parts.every((part) => this.partsLoaded.has(`${this.modules[m]!.id}.${language}.${part}`));
  }

  /** Loads practice texts (quiz, scenarios, written tasks) not loaded yet, in parallel. */
  async loadParts(m: number, language: Language, parts: readonly ContentPart[]): Promise<void> {
    const module = this.modules[m]!;
    const content = this.contentFor(module.id, language);
    await Promise.all(
      parts
        .filter((part) => !this.partsLoaded.has(`${module.id}.${language}.${part}`))
        .map(async (part) => {
          // New objects, not changed ones: the views redraw when what they are given changes.
          if (part.startsWith('scenario-')) {
            const text = await this.load(module.id, language, part as `scenario-${string}`);
            content.scenarios = { ...content.scenarios, [part.slice('scenario-'.length)]: text };
          } else {
            content.questions = { ...content.questions, ...(await this.load(module.id, language, part as 'quiz' | 'tasks')) };
          }
          this.partsLoaded.add(`${module.id}.${language}.${part}`);
        }),
    );
  }

  /** Everything page `page` of module `m` shows, loaded: text, practice texts, player and blocks. */
  async prepare(m: number, page: number, language: Language): Promise<void> {
    const module = this.modules[m]!;
    const pageId = module.pages[page]!.id;
    const [, , pageView] = await Promise.all([
      this.loadPage(m, page, language),
      this.loadParts(m, language, this.partsFor(m, page)),
      page < module.textPages ? import('../components/page-view') : undefined,
      this.playerFor(pageId),
      // The pre-test's card stands at the top of a module's first page.
      page === 0 && this.host.pretestShown(m) ? import('../components/pretest-view') : undefined,
    ]);
    const text = this.contentFor(module.id, language).pages[page];
    if (pageView && text) await pageView.preparePage(text);
  }

  /** The practice texts a page shows beyond its own chunk. */
  private partsFor(m: number, page: number): ContentPart[] {
    const module = this.modules[m]!;
    const pageId = module.pages[page]!.id;
    if (page < module.textPages) return page === 0 && this.host.pretestInProgress(m) ? ['quiz'] : [];
    if (pageId === QUIZ_PAGE_ID) return ['quiz'];
    if (pageId === CARD_PAGE_ID) return cardParts(module);
    return pageId.startsWith(SCENARIO_PAGE_PREFIX) ? [`scenario-${pageId.slice(SCENARIO_PAGE_PREFIX.length)}`] : [];
  }

  /** The player a page beyond the module's text needs (the shell loads it too; here it is awaited). */
  private playerFor(pageId: string): Promise<unknown> | undefined {
    if (pageId === QUIZ_PAGE_ID) return import('../components/quiz-view');
    if (pageId === CARD_PAGE_ID) return import('../components/workshop-card');
    if (pageId.startsWith(SCENARIO_PAGE_PREFIX)) return this.host.trainer ? import('../components/scenario-script') : import('../components/scenario-view');
    return undefined;
  }
}
