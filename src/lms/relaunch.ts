/**
 * A launch where the LMS gives nothing back. Moodle relaunches a SCORM 2004 SCO that last
 * exited with anything but `suspend` as `ab-initio` with no data at all; a status written then
 * from a fresh start would overwrite *completed* or *passed*. When this learner's browser copy
 * holds a finished module, the course restores it: a finished status is never weakened.
 */
import type { MirrorEntry } from './mirror';
import type { Completion, ResumeData, Success } from './runtime';

export interface FinishedStatus {
  completion: Completion;
  success: Success;
}

/** The finished status to keep when the LMS gave no saved state and the browser copy is of a finished module. */
export function finishedCopy(resume: ResumeData, saved: MirrorEntry | undefined): FinishedStatus | undefined {
  if (resume.suspendData || !saved) return undefined;
  const completion = saved.completion ?? 'incomplete';
  const success = saved.success ?? 'unknown';
  return completion === 'completed' || success !== 'unknown' ? { completion, success } : undefined;
}
