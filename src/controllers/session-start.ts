/**
 * Opens the LMS session before the course is built, so that two questions are settled before
 * anything is written: is another tab of this learner and activity already saving (then this one
 * is read-only), and is unclaimed work on this computer the learner's own (asked, never assumed)?
 * News the session reports meanwhile is kept until the course listens.
 */
import type { CourseOutline, ModuleSummary } from '../content/schema';
import type { LaunchConfig } from '../launch';
import { LmsSession, type LaunchState, type SessionNews, type SessionOptions } from '../lms/session';
import type { UnclaimedCopy } from '../lms/learner-copies';
import { claimTab, tabLockName } from '../lms/tab-guard';
import { findScormApi } from '../lms/scorm-api';
import { loadConnector } from '../lms/load-connector';
import { codecModulesOf, mergeCopies } from '../progress/merge';
import { withExtraPages } from './module-pages';

export interface PreparedSession {
  session: LmsSession;
  launch: LaunchState;
  /** Delivers the news reported so far, then every later one. */
  listen(onNews: (news: SessionNews, detail: string) => void): void;
}

export function sessionOptions(course: CourseOutline, launch: LaunchConfig<ModuleSummary>, win: Window): SessionOptions {
  const modules = codecModulesOf(launch.modules.map(withExtraPages));
  return {
    packageVersion: launch.packageVersion,
    storageKey: `micic:${course.id}:${course.version}:${launch.scope}`,
    mergeCopies: (lmsCopy, browserCopy) => mergeCopies(lmsCopy, browserCopy, course.contentHash, modules),
    window: win,
    readOnly: launch.trainer,
    // The single-SCO course passes module by module on the course's own scores.
    lmsPassingScore: launch.modules.length === 1,
  };
}

function relayed(options: SessionOptions): { session: LmsSession; listen: PreparedSession['listen'] } {
  const early: Array<[SessionNews, string]> = [];
  let listener: ((news: SessionNews, detail: string) => void) | undefined;
  const session = new LmsSession({ ...options, onNews: (news, detail) => (listener ? listener(news, detail) : early.push([news, detail])) });
  return {
    session,
    listen(onNews) {
      listener = onNews;
      early.splice(0).forEach(([news, detail]) => onNews(news, detail));
    },
  };
}

/**
 * Starts the session, settles this tab's role, and asks about unclaimed work. `ask` shows the
 * question and resolves with the learner's answer.
 */
export async function openSession(options: SessionOptions, win: Window, ask: (copy: UnclaimedCopy, language: string) => Promise<boolean>): Promise<PreparedSession> {
  // Only the SCORM version this launch finds is downloaded (none for the web build).
  const found = options.packageVersion === 'none' || options.readOnly ? undefined : findScormApi(options.packageVersion, options.window);
  const connect = found ? await loadConnector(found.version, options.lmsPassingScore) : undefined;
  const { session, listen } = relayed({ ...options, connect });
  let launch = session.start();
  if (options.readOnly) return { session, launch, listen };
  const role = await claimTab(tabLockName(launch.learnerId, options.storageKey), win, () => session.hold()).catch(() => 'saves' as const);
  if (role === 'read-only') {
    session.hold();
    // The unclaimed work is offered in the tab that saves.
    const { unclaimed: _notHere, ...rest } = launch;
    return { session, launch: rest, listen };
  }
  if (launch.unclaimed) launch = session.settleUnclaimed(await ask(launch.unclaimed, launch.language));
  return { session, launch, listen };
}
