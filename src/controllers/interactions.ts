/**
 * Quiz and pre-test answers as LMS interactions: the response in the LMS's formats (1.2 letters
 * and 2004 ids both come from the content's own order), result, latency and the objective tested.
 */
import type { QuestionKey, QuestionText } from '../content/schema';
import type { AnsweredEvent } from '../machines/quiz-machine';
import { correctResponse, type Response } from '../machines/quiz-scoring';
import type { InteractionPattern, InteractionRecord } from '../lms/runtime';
import { objectiveId } from '../progress/tracking';

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

/** One checked answer as the interaction the LMS records under `id`. */
export function answerInteraction(id: string, moduleId: string, event: AnsweredEvent, text: QuestionText | undefined): InteractionRecord {
  return {
    id,
    description: text?.prompt ?? event.question.id,
    objectiveId: objectiveId(moduleId, event.question.objective),
    pattern: interactionPattern(event.question, event.response),
    result: event.score === 1 ? 'correct' : 'incorrect',
    weighting: 1,
    latencySeconds: event.latencySeconds,
    timestamp: new Date(event.at),
  };
}
