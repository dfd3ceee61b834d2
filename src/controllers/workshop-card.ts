/**
 * The workshop card: made from the learner's own progress and the module's content, with the
 * pre-test beside the quiz per objective, the scenario decisions, and the trainee's answers to
 * the workshop prompts (kept in this browser's storage, never in suspend_data nor sent to the LMS;
 * not at all in the trainer preview). The trainee can download it as a card file for the
 * trainer's class view.
 */
import type { Language, ModuleContent, ModuleSummary } from '../content/schema';
import { startScenario, type ScenarioActor } from '../machines/scenario-machine';
import type { ObjectiveRecord } from '../lms/runtime';
import { CARD_FILE_KIND, cardFileName, type CardFile } from '../progress/card-file';
import type { ScenarioProgress } from '../progress/scenario-codec';
import { objectiveId } from '../progress/tracking';
import type { WorkshopCardData } from '../components/workshop-card';
import { translate } from '../i18n';

export interface CardSources {
  courseId: string;
  /** Prefix of this course version's storage keys. */
  storageKey: string;
  modules: readonly ModuleSummary[];
  /** Trainer preview: nothing is stored. */
  trainer: boolean;
  storage: Storage | undefined;
  /** The module's texts in a language, once its practice texts have loaded. */
  contentOf(m: number, language: Language): ModuleContent | undefined;
  objectives(): ObjectiveRecord[];
  scenario(m: number, i: number): { actor: ScenarioActor; progress: ScenarioProgress };
  pretestScores(m: number): Record<string, number> | undefined;
  /** The module's saved written tasks, for the card (texts from the module's practice content). */
  writtenTasks?(m: number, questions: ModuleContent['questions']): WorkshopCardData['tasks'];
}

/** The play the card shows: while a new play is under way, the last finished one. */
function shownPlay(sources: CardSources, m: number, i: number) {
  const { actor, progress } = sources.scenario(m, i);
  const current = actor.getSnapshot();
  const earlier = current.status !== 'done' && progress.lastFinished ? startScenario(sources.modules[m]!.scenarios[i]!, progress.lastFinished) : undefined;
  const snapshot = earlier?.getSnapshot() ?? current;
  earlier?.stop();
  return { snapshot, earlier: !!earlier };
}

export class WorkshopCardController {
  private readonly answers = new Map<number, string[]>();

  constructor(private readonly sources: CardSources) {}

  private answerKey(m: number): string {
    return `${this.sources.storageKey}:answers:${this.sources.modules[m]!.id}`;
  }

  answersOf(m: number): string[] {
    let answers = this.answers.get(m);
    if (!answers) {
      let saved: unknown;
      try {
        saved = JSON.parse(this.sources.storage?.getItem(this.answerKey(m)) ?? '[]');
      } catch {
        saved = [];
      }
      const count = this.sources.modules[m]!.workshopPrompts.length;
      answers = Array.from({ length: count }, (_, i) => (Array.isArray(saved) && typeof saved[i] === 'string' ? (saved[i] as string) : ''));
      this.answers.set(m, answers);
    }
    return answers;
  }

  setAnswer(m: number, index: number, text: string): void {
    const answers = [...this.answersOf(m)];
    answers[index] = text;
    this.answers.set(m, answers);
    if (this.sources.trainer) return;
    try {
      this.sources.storage?.setItem(this.answerKey(m), JSON.stringify(answers));
    } catch {
      // Storage full or disabled: the answers stay on the card until the page closes.
    }
  }

  data(m: number, language: Language): WorkshopCardData | undefined {
    const module = this.sources.modules[m]!;
    const content = this.sources.contentOf(m, language);
    // The card needs the scenarios' texts: until they load (first visit, new language) show nothing.
    if (!content) return undefined;
    const reported = this.sources.objectives();
    const pretest = this.sources.pretestScores(m);
    return {
      moduleTitle: `${translate(language, 'nav.module', { number: module.number })}: ${module.title[language]}`,
      objectives: module.objectives.map((objective) => {
        const record = reported.find((o) => o.id === objectiveId(module.id, objective.id));
        const before = pretest?.[objective.id];
        return { id: objective.id, text: objective.text[language], success: record?.success ?? 'unknown', percent: record?.scorePercent, ...(before !== undefined ? { pretestPercent: before } : {}) };
      }),
      scenarios: module.scenarios.map((key, i) => {
        const { snapshot, earlier } = shownPlay(this.sources, m, i);
        const text = content.scenarios[key.id]!;
        const ending = key.endings.find((e) => e.id === snapshot.value);
        return {
          title: text.title,
          played: snapshot.context.path.length > 0,
          steps: snapshot.context.path.map((step) => ({
            situation: text.scenes[step.scene]!.situation,
            choice: text.scenes[step.scene]!.choices[step.choice]!.text,
            guidelines: key.scenes.find((s) => s.id === step.scene)!.choices.find((c) => c.id === step.choice)!.guidelines,
          })),
          ...(ending ? { ending: { kind: ending.kind, title: text.endings[ending.id]!.title } } : {}),
          ...(earlier ? { earlierPlay: true } : {}),
        };
      }),
      tasks: this.sources.writtenTasks?.(m, content.questions),
      prompts: module.workshopPrompts.map((p) => p[language]),
      answers: this.answersOf(m),
    };
  }

  /** The card file: answers, decisions and objective results by id, nothing else. */
  file(m: number, language: Language): CardFile {
    const module = this.sources.modules[m]!;
    const reported = this.sources.objectives();
    const pretest = this.sources.pretestScores(m);
    return {
      kind: CARD_FILE_KIND,
      version: 1,
      course: this.sources.courseId,
      module: module.id,
      language,
      objectives: module.objectives.map((objective) => {
        const record = reported.find((o) => o.id === objectiveId(module.id, objective.id));
        const before = pretest?.[objective.id];
        return {
          id: objective.id,
          success: record?.success ?? 'unknown',
          ...(record?.scorePercent !== undefined ? { quiz: record.scorePercent } : {}),
          ...(before !== undefined ? { pretest: before } : {}),
        };
      }),
      scenarios: module.scenarios.map((key, i) => {
        const { snapshot } = shownPlay(this.sources, m, i);
        const ending = key.endings.find((e) => e.id === snapshot.value);
        return { id: key.id, decisions: snapshot.context.path.map((s) => ({ scene: s.scene, choice: s.choice })), ...(ending ? { ending: ending.id } : {}) };
      }),
      prompts: this.answersOf(m),
    };
  }

  /** Saves the card file through the browser's download (nothing leaves the computer). */
  download(m: number, language: Language, doc: Document): void {
    const card = this.file(m, language);
    const url = URL.createObjectURL(new Blob([JSON.stringify(card, null, 1)], { type: 'application/json' }));
    const link = doc.createElement('a');
    link.href = url;
    link.download = cardFileName(card);
    doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
