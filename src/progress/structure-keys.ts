/**
 * Fingerprints of the structures that saved progress refers to, three base-36 characters each.
 * A key changes exactly when what it names changes in a way that would misread saved data:
 * a page or module by its id, a question by its id, type and option/item/target ids, the quiz
 * by its question keys and draw, a scenario by its graph (scenes, choices and where they lead).
 * So a one-letter edit to a glossary, a page's text or a feedback sentence changes no key, and
 * saved progress is matched to the content structure by structure, never by one hash of all files.
 */
import type { QuestionKey, QuizKey, ScenarioKey } from '../content/schema';
import { hashString } from '../machines/quiz-scoring';

export const KEY_LENGTH = 3;
const KEY_SPACE = 36 ** KEY_LENGTH;

function key(kind: string, value: unknown): string {
  return (hashString(`${kind}:${JSON.stringify(value)}`) % KEY_SPACE).toString(36).padStart(KEY_LENGTH, '0');
}

export const moduleKey = (moduleId: string): string => key('module', moduleId);
export const pageKey = (pageId: string): string => key('page', pageId);
export const objectiveKey = (objectiveId: string): string => key('objective', objectiveId);

/** What a saved answer's token is written against: the question's id, type and the ids it lists. */
export function questionKey(question: QuestionKey): string {
  const { id, type } = question;
  switch (question.type) {
    case 'single-choice':
    case 'multiple-response':
      return key('question', [id, type, question.options]);
    case 'true-false':
      return key('question', [id, type]);
    case 'ordering':
      return key('question', [id, type, question.items]);
    case 'matching':
      return key('question', [id, type, question.sources, question.targets]);
  }
}

/** The quiz draw: which questions, in which content order, and how many are drawn. */
export const quizKey = (quiz: QuizKey): string => key('quiz', [quiz.draw, quiz.questions.map(questionKey)]);

/** A scenario's graph: its id, start, and every scene's choices and where each leads. */
export const scenarioKey = (scenario: ScenarioKey): string =>
  key('scenario', [scenario.id, scenario.start, scenario.scenes.map((s) => [s.id, s.choices.map((c) => [c.id, c.next])])]);
