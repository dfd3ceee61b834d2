/** A checked quiz answer as the LMS interaction pattern (options in the content's own order). */
import type { QuestionKey } from '../content/schema';
import { correctResponse, type Response } from '../machines/quiz-scoring';
import type { InteractionPattern } from '../lms/runtime';

/** The LMS's response formats: 1.2 letters and 2004 ids both come from the content's own order. */
export function interactionPattern(question: QuestionKey, response: Response): InteractionPattern {
  const correct = correctResponse(question);
  switch (question.type) {
    case 'single-choice':
      return { type: 'choice', options: question.options, learner: [(response as { option: string }).option], correct: [question.answer] };
    case 'multiple-response':
      return { type: 'choice', options: question.options, learner: (response as { options: string[] }).options, correct: question.answers };
    case 'true-false':
      return { type: 'true-false', learner: (response as { value: boolean }).value, correct: question.answer };
    case 'ordering':
      return { type: 'sequencing', options: question.items, learner: (response as { order: string[] }).order, correct: (correct as { order: string[] }).order };
    case 'matching': {
      const pairs = (response as { pairs: Record<string, string> }).pairs;
      return {
        type: 'matching',
        sources: question.sources,
        targets: question.targets,
        learner: question.sources.filter((s) => pairs[s]).map((s) => [s, pairs[s]!] as const),
        correct: question.sources.map((s) => [s, question.answer[s]!] as const),
      };
    }
  }
}
