/**
 * Opens the LMS session before the course is built, so that two questions are settled before
 * anything is written: is another tab of this learner and activity already saving (then this one
 * is read-only), and is unclaimed work on this computer the learner's own (asked, never assumed)?
 * News the session reports meanwhile is kept until the course listens.
 */
import type { CourseOutline, ModuleOutline } from '../content/schema';
import type { LaunchConfig } from '../launch';
import { LmsSession, type LaunchState, type SessionNews, type SessionOptions } from '../lms/session';
import { mayNeedMerge, type UnclaimedCopy } from '../lms/learner-copies';
import type { MergeCopies } from '../lms/save-order';
import { usableLocalStorage } from '../lms/mirror';
import { claimTab, tabLockName } from '../lms/tab-guard';
import { findScormApi } from '../lms/scorm-api';
import { loadConnector } from '../lms/load-connector';

export interface PreparedSession {
  session: LmsSession;
  launch: LaunchState;
  /** Delivers the news reported so far, then every later one. */
  listen(onNews: (news: SessionNews, detail: string) => void): void;
}

/**
 * Merging two saved texts (the LMS's and an unconfirmed browser copy, or unclaimed work) needs the
 * progress codec and the modules' details, which load with the engine: `prepare` loads them
 * sooner, when a merge may happen at the session's start.
 */
export interface ProgressMerger {
  prepare(): Promise<void>;
  merge: MergeCopies;
}

export function sessionOptions(course: CourseOutline, launch: LaunchConfig<ModuleOutline>, win: Window, merger: ProgressMerger): SessionOptions {
  return {
    packageVersion: launch.packageVersion,
    storageKey: `micic:${course.id}:${course.version}:${launch.scope}`,
    mergeCopies: merger.merge,
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
export async function openSession(
  options: SessionOptions,
  win: Window,
  ask: (copy: UnclaimedCopy, language: string) => Promise<boolean>,
  merger: ProgressMerger,
): Promise<PreparedSession> {
  // Only the SCORM version this launch finds is downloaded (none for the web build).
  const found = options.packageVersion === 'none' || options.readOnly ? undefined : findScormApi(options.packageVersion, options.window);
  // Only a session with an LMS merges copies; it needs the codec only if this browser holds one.
  const [connect] = await Promise.all([
    found ? loadConnector(found.version, options.lmsPassingScore) : undefined,
    found && mayNeedMerge(usableLocalStorage(), options.storageKey) ? merger.prepare() : undefined,
  ]);
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
