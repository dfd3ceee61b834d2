/**
 * What the session reports, turned into the notices the learner sees, so that no two notices
 * contradict each other ("kept in this browser" beside "not saved") and a failure notice the
 * learner dismissed comes back when the session reports the failure again.
 */
import type { SessionNews } from '../lms/session';
import type { UiStringKey } from '../i18n';

const NEWS_NOTICES: Record<Exclude<SessionNews, 'save-recovered'>, UiStringKey> = {
  'no-lms': 'notice.noLms',
  'no-storage': 'notice.storageUnavailable',
  'initialize-failed': 'notice.lmsUnavailable',
  'session-already-ended': 'notice.lmsFinished',
  'save-failed': 'notice.lmsUnavailable',
  'not-kept': 'notice.notSaved',
  'other-tab': 'notice.otherTab',
};

/** Notices that say where the work is (or is not) kept: only one of them is ever shown. */
const SAVE_STATE_NOTICES: readonly UiStringKey[] = ['notice.lmsUnavailable', 'notice.notSaved', 'notice.storageUnavailable', 'notice.noLms'];

export function noticesAfter(news: SessionNews, current: readonly UiStringKey[]): UiStringKey[] {
  if (news === 'save-recovered') return current.filter((key) => key !== 'notice.lmsUnavailable' && key !== 'notice.notSaved' && key !== 'notice.storageUnavailable');
  const key = NEWS_NOTICES[news];
  const others = SAVE_STATE_NOTICES.includes(key) ? current.filter((k) => !SAVE_STATE_NOTICES.includes(k)) : current.filter((k) => k !== key);
  return [...others, key];
}
