/**
 * The learner's knowledge-check answers, per module: each check as last checked. Kept in progress
 * (check-codec.ts) so that a resumed page shows its checks answered; nothing goes to the LMS as
 * an interaction, since checks are ungraded practice.
 */
import type { CheckAnswers } from '../progress/check-codec';
import type { Response } from '../machines/quiz-scoring';

/** Sent by a knowledge check when the learner checks an answer. */
export interface CheckAnsweredDetail {
  check: string;
  response: Response;
}

export class CheckAnswerStore {
  private readonly answers: CheckAnswers[];

  /**
   * @param target the element the checks' `check-answered` events reach (the shell)
   * @param onChange called after an answer is kept, to save and re-render
   */
  constructor(moduleCount: number, restored: readonly CheckAnswers[] | undefined, target: EventTarget, currentModule: () => number, onChange: () => void) {
    this.answers = Array.from({ length: moduleCount }, (_, m) => ({ ...restored?.[m] }));
    target.addEventListener('check-answered', (event) => {
      const { check, response } = (event as CustomEvent<CheckAnsweredDetail>).detail;
      const m = currentModule();
      this.answers[m] = { ...this.answers[m], [check]: response };
      onChange();
    });
  }

  /** One module's answers (a new object when they change, so views re-render). */
  answersFor(m: number): CheckAnswers {
    return this.answers[m] ?? {};
  }

  all(): CheckAnswers[] {
    return this.answers.map((answers) => ({ ...answers }));
  }
}
