/**
 * Asks the learner whether unclaimed work on this computer is theirs, in place of the course
 * (which is only built once the answer is known), and resolves with the answer.
 */
import type { Language } from '../content/schema';
import type { UnclaimedCopy } from '../lms/learner-copies';
import { isLanguage } from '../i18n';
import type { CopyClaim } from '../components/copy-claim';

/** The LMS's language for the learner, else the browser's, else the course's default. */
export function preferredLanguage(lmsLanguage: string, win: Window, fallback: Language): Language {
  for (const candidate of [lmsLanguage, ...(win.navigator.languages ?? [win.navigator.language])]) {
    const code = candidate?.slice(0, 2).toLowerCase();
    if (isLanguage(code)) return code;
  }
  return fallback;
}

export async function askClaim(shell: HTMLElement, copy: UnclaimedCopy, language: Language): Promise<boolean> {
  // Loaded only on the rare launch that needs it.
  await import('../components/copy-claim');
  const doc = shell.ownerDocument;
  const question = doc.createElement('micic-copy-claim') as CopyClaim;
  question.language = language;
  question.when = copy.savedAt > 0 ? new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(copy.savedAt) : '';
  shell.hidden = true;
  shell.before(question);
  return new Promise((resolve) => {
    question.addEventListener('claim-answer', (event) => {
      question.remove();
      shell.hidden = false;
      resolve((event as CustomEvent<boolean>).detail);
    });
  });
}
