/**
 * The learner's written tasks, per module: each saved answer is kept in progress (task-codec.ts),
 * shown on the workshop card and reported to the LMS as a fill-in (SCORM 1.2) or long-fill-in
 * (2004) interaction with a neutral result, since the learner assesses it against the model answer.
 */
import type { Language, ModuleSummary, QuestionText } from '../content/schema';
import type { InteractionRecord } from '../lms/runtime';
import type { TaskAnswer, TaskAnswers } from '../progress/task-codec';
import { objectiveId } from '../progress/tracking';

/** Sent by a written task when the learner saves it. */
export interface TaskSavedDetail {
  task: string;
  text: string;
  covered: boolean[];
}

export interface TaskCardEntry {
  prompt: string;
  answer: string;
  covered: number;
  total: number;
}

export interface WrittenTasksOptions {
  modules: readonly ModuleSummary[];
  restored?: readonly TaskAnswers[];
  /** The element the tasks' `task-saved` events reach (the shell). */
  target: EventTarget;
  current: () => { module: number; language: Language; texts?: Record<string, QuestionText> };
  /** Queues the interaction; the save that follows commits it. */
  recordInteraction: (interaction: InteractionRecord) => void;
  onChange: () => void;
}

export class WrittenTasks {
  private readonly answers: TaskAnswers[];

  constructor(private readonly options: WrittenTasksOptions) {
    this.answers = options.modules.map((_, m) => ({ ...options.restored?.[m] }));
    options.target.addEventListener('task-saved', (event) => this.save((event as CustomEvent<TaskSavedDetail>).detail));
  }

  private save({ task: taskId, text, covered }: TaskSavedDetail): void {
    const { module: m, language, texts } = this.options.current();
    const module = this.options.modules[m]!;
    const task = module.tasks?.find((t) => t.id === taskId);
    if (!task) return;
    const answer: TaskAnswer = { text: text.slice(0, task.maxLength), covered: covered.slice(0, task.points) };
    this.answers[m] = { ...this.answers[m], [taskId]: answer };
    this.options.recordInteraction({
      id: `${module.id}.${task.id}`,
      description: texts?.[task.id]?.prompt ?? task.id,
      objectiveId: objectiveId(module.id, task.objective),
      pattern: { type: 'fill-in', learner: answer.text, language },
      result: 'neutral',
      latencySeconds: 0,
      timestamp: new Date(),
    });
    this.options.onChange();
  }

  answersFor(m: number): TaskAnswers {
    return this.answers[m] ?? {};
  }

  all(): TaskAnswers[] {
    return this.answers.map((answers) => ({ ...answers }));
  }

  /** The module's saved answers for the workshop card, with their prompts in the given texts. */
  cardEntries(m: number, texts: Record<string, QuestionText>): TaskCardEntry[] {
    return (this.options.modules[m]!.tasks ?? []).flatMap((task) => {
      const answer = this.answers[m]?.[task.id];
      return answer ? [{ prompt: texts[task.id]?.prompt ?? '', answer: answer.text, covered: answer.covered.filter(Boolean).length, total: task.points }] : [];
    });
  }
}
