/**
 * What the learner is told about the LMS session, and when quiz changes are saved. A refused
 * value is for the log only: the connection notice is for an LMS that fails to store. No two
 * notices contradict each other ("kept in this browser" beside "not saved"), and a failure notice
 * the learner dismissed comes back when the session reports the failure again.
 */
import type { SessionNews } from '../lms/session';
import type { QuizEvent } from '../machines/quiz-state';
import type { UiStringKey } from '../i18n';

const NEWS_NOTICES: Record<Exclude<SessionNews, 'save-recovered'>, UiStringKey | undefined> = {
  'no-lms': 'notice.noLms',
  'no-storage': 'notice.storageUnavailable',
  'initialize-failed': 'notice.lmsUnavailable',
  'session-already-ended': 'notice.lmsFinished',
  'save-failed': 'notice.lmsUnavailable',
  'not-kept': 'notice.notSaved',
  'other-tab': 'notice.otherTab',
  'value-refused': undefined,
};

export function noticeForNews(news: Exclude<SessionNews, 'save-recovered'>): UiStringKey | undefined {
  return NEWS_NOTICES[news];
}

/** Notices that say where the work is (or is not) kept: only one of them is shown at a time. */
const WHERE_KEPT: readonly UiStringKey[] = ['notice.lmsUnavailable', 'notice.notSaved', 'notice.storageUnavailable', 'notice.noLms'];
const SAVE_FAILURES: readonly UiStringKey[] = ['notice.lmsUnavailable', 'notice.notSaved', 'notice.storageUnavailable'];

/** The notices after the session's news: recovery clears the failures; a new one replaces what it contradicts. */
export function noticesAfter(news: SessionNews, current: readonly UiStringKey[]): UiStringKey[] {
  if (news === 'save-recovered') return current.filter((key) => !SAVE_FAILURES.includes(key));
  const key = noticeForNews(news);
  if (!key) return [...current];
  const others = current.filter((k) => k !== key && !(WHERE_KEPT.includes(key) && WHERE_KEPT.includes(k)));
  return [...others, key];
}

/** A draft change (choosing, moving an item up or down) waits to be saved with the next ones. */
export function quizSaveTiming(event: QuizEvent): 'now' | 'soon' {
  return event.type === 'answer.change' ? 'soon' : 'now';
}
