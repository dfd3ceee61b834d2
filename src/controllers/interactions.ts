/**
 * Quiz and pre-test answers as LMS interactions: the response in the LMS's formats, result,
 * latency and the objective tested (the session writes every id in LMS identifier characters).
 */
import type { QuestionText } from '../content/schema';
import type { AnsweredEvent } from '../machines/quiz-state';
import type { InteractionRecord } from '../lms/runtime';
import { interactionPattern } from '../progress/interaction-pattern';
import { objectiveId } from '../progress/tracking';

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
