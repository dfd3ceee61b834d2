/**
 * What a SetValue that returned false means. An LMS that refuses a *value* (a type mismatch, a
 * value out of range, an element it does not implement) will refuse it again however often it
 * is sent: the course logs it once and goes on, with no "connection" notice. An LMS that fails
 * for any other reason (general exception, session not initialised or already ended, a thrown
 * exception) may work again later: what it did not take stays pending and is sent again.
 */
export type SetOutcome = 'ok' | 'refused' | 'failed';

/** SCORM 1.2 RTE 3.3.2.3: invalid argument, not implemented, keyword, read-only, write-only, wrong type. */
const REFUSED_12 = new Set(['201', '202', '203', '401', '402', '403', '404', '405']);
/** SCORM 2004 RTE 3.1.7: general set failure, undefined/unimplemented element, read-only, type mismatch, out of range, dependency. */
const REFUSED_2004 = new Set(['201', '351', '401', '402', '404', '405', '406', '407', '408']);

export function classifyError(version: 'scorm12' | 'scorm2004', code: string): Exclude<SetOutcome, 'ok'> {
  return (version === 'scorm12' ? REFUSED_12 : REFUSED_2004).has(code) ? 'refused' : 'failed';
}

/** `cmi.interactions.12.learner_response` → `cmi.interactions.n.learner_response`. */
export function elementKind(element: string): string {
  return element.replace(/\.\d+(?=\.|$)/g, '.n');
}

/** Failed writes of one interaction, with the LMS otherwise working, before it is recorded as unsendable. */
export const MAX_WRITE_TRIES = 3;

/** Remembers which refusals were already reported, so each kind is logged once per session. */
export class RefusalLog {
  private seen = new Set<string>();
  private fresh: string[] = [];
  /** Every refusal, reported or not. */
  count = 0;

  /** Notes a refusal; returns true the first time this element kind is refused with this code. */
  note(element: string, value: string, code: string, text: string): boolean {
    this.count++;
    const key = `${elementKind(element)} ${code}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
    this.fresh.push(`${code}${text ? `: ${text}` : ''} (${element} = "${shown}"; not sent, later ones of this kind are not logged)`);
    return true;
  }

  /** The refusals noted since the last call. */
  take(): string[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }
}

/** An interaction description short enough to keep the whole data model small (Moodle sends it all at exit). */
export const DESCRIPTION_MAX = 40;

export function shortDescription(text: string, max = DESCRIPTION_MAX): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
