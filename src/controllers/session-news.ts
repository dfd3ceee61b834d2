/**
 * What the learner is told about the LMS session, and when quiz changes are saved. A refused
 * value is for the log only: the connection notice is for an LMS that fails to store.
 */
import type { SessionNews } from '../lms/session';
import type { QuizEvent } from '../machines/quiz-machine';
import type { UiStringKey } from '../i18n';

const NEWS_NOTICES: Record<Exclude<SessionNews, 'save-recovered'>, UiStringKey | undefined> = {
  'no-lms': 'notice.noLms',
  'no-storage': 'notice.storageUnavailable',
  'initialize-failed': 'notice.lmsUnavailable',
  'session-already-ended': 'notice.lmsFinished',
  'save-failed': 'notice.lmsUnavailable',
  'value-refused': undefined,
};

export function noticeForNews(news: Exclude<SessionNews, 'save-recovered'>): UiStringKey | undefined {
  return NEWS_NOTICES[news];
}

/** A draft change (choosing, moving an item up or down) waits to be saved with the next ones. */
export function quizSaveTiming(event: QuizEvent): 'now' | 'soon' {
  return event.type === 'answer.change' ? 'soon' : 'now';
}
