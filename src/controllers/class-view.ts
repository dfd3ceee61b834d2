/**
 * The trainer preview's class view: the trainer opens the workshop card files of their group and
 * sees a summary (decisions per scenario, mastery per objective, the prompts' answers side by
 * side). Files are read and summarised in the browser; nothing is stored or sent anywhere.
 */
import type { CourseOutline, Language, ModuleContent, ModuleSummary } from '../content/schema';
import { parseCardFile, type CardFile } from '../progress/card-file';
import { summariseCards } from '../progress/class-summary';
import { translate } from '../i18n';
import type { ClassViewData } from '../components/class-view';

/** Every scenario text of a module in a language. */
export type ScenarioTextsLoader = (moduleId: string, language: Language) => Promise<Pick<ModuleContent, 'scenarios'>>;

export class ClassViewController {
  private isOpen = false;
  /** By file name. */
  private readonly cards = new Map<string, CardFile>();
  private errors: Array<{ file: string; reason: string }> = [];
  private readonly texts = new Map<string, Pick<ModuleContent, 'scenarios'>>();
  /** Texts being loaded or that failed to load (tried again only when files are added). */
  private readonly tried = new Set<string>();

  constructor(
    private readonly course: CourseOutline,
    private readonly modules: readonly ModuleSummary[],
    shell: HTMLElement,
    private readonly loadScenarioTexts: ScenarioTextsLoader,
    private readonly language: () => Language,
    private readonly changed: () => void,
  ) {
    shell.addEventListener('class-view-open', () => {
      this.isOpen = true;
      void this.loadTexts().then(this.changed);
      this.changed();
    });
    shell.addEventListener('class-view-close', () => {
      this.isOpen = false;
      this.changed();
    });
    shell.addEventListener('class-files', (e) => void this.addFiles((e as CustomEvent<Array<{ name: string; text: string }>>).detail));
  }

  /** Adds the files read (a file already open is replaced, so opening it twice does not count it twice). */
  async addFiles(files: ReadonlyArray<{ name: string; text: string }>): Promise<void> {
    for (const { name, text } of files) {
      this.errors = this.errors.filter((e) => e.file !== name);
      const parsed = parseCardFile(text, this.course.id, this.modules);
      this.cards.delete(name);
      if (parsed.ok) this.cards.set(name, parsed.card);
      else this.errors.push({ file: name, reason: parsed.reason });
    }
    for (const key of this.tried) if (!this.texts.has(key)) this.tried.delete(key);
    await this.loadTexts();
    this.changed();
  }

  /** The scenario texts of the modules the cards cover, in the current language. */
  private async loadTexts(): Promise<void> {
    const language = this.language();
    const wanted = [...new Set([...this.cards.values()].map((c) => c.module))].filter((id) => !this.tried.has(`${id}.${language}`));
    for (const id of wanted) this.tried.add(`${id}.${language}`);
    await Promise.all(
      wanted.map(async (id) => {
        try {
          this.texts.set(`${id}.${language}`, await this.loadScenarioTexts(id, language));
        } catch {
          // Offline: the summary shows ids until the texts load.
        }
      }),
    );
  }

  view(language: Language): ClassViewData | undefined {
    if (!this.isOpen) return undefined;
    const cards = [...this.cards.values()];
    if (cards.some((c) => !this.tried.has(`${c.module}.${language}`))) void this.loadTexts().then(this.changed);
    return {
      cards: cards.length,
      errors: this.errors.map((e) => translate(language, 'trainer.badFile', { file: e.file, reason: e.reason })),
      modules: summariseCards(cards, this.modules).map((summary) => {
        const module = this.modules.find((m) => m.id === summary.moduleId)!;
        const scenarioTexts = this.texts.get(`${module.id}.${language}`)?.scenarios;
        return {
          title: `${translate(language, 'nav.module', { number: module.number })}: ${module.title[language]}`,
          cards: summary.cards,
          objectives: summary.objectives.map((o) => ({ ...o, text: module.objectives.find((mo) => mo.id === o.id)!.text[language] })),
          scenarios: summary.scenarios.map((s) => {
            const text = scenarioTexts?.[s.id];
            return {
              title: text?.title ?? module.scenarios.find((k) => k.id === s.id)!.title[language],
              scenes: s.scenes.map((scene) => ({
                situation: text?.scenes[scene.id]?.situation ?? scene.id,
                choices: scene.choices.map((c) => ({ ...c, text: text?.scenes[scene.id]?.choices[c.id]?.text ?? c.id })),
              })),
              endings: s.endings.map((e) => ({ ...e, title: text?.endings[e.id]?.title ?? e.id })),
            };
          }),
          prompts: module.workshopPrompts.map((p, i) => ({ prompt: p[language], answers: summary.answers[i] ?? [] })),
        };
      }),
    };
  }
}
