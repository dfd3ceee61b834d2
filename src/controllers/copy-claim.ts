/**
 * Asks the learner whether unclaimed work on this computer is theirs, in place of the course
 * (which is only built once the answer is known), and resolves with the answer.
 */
import type { Language } from '../content/schema';
import type { UnclaimedCopy } from '../lms/learner-copies';
import type { CopyClaim } from '../components/copy-claim';
import { loadLanguage } from '../i18n';

export async function askClaim(shell: HTMLElement, copy: UnclaimedCopy, language: Language): Promise<boolean> {
  // Loaded only on the rare launch that needs it.
  await Promise.all([import('../components/copy-claim'), loadLanguage(language, 'core')]);
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
