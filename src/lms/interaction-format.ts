/**
 * Interaction responses in each version's data-model format.
 * SCORM 1.2 (RTE 3.4.2.7) is strict: choice and sequencing responses are single characters
 * 0-9/a-z, matching pairs are "a.1"; so options are written by their position in the content's
 * own (unshuffled) order. SCORM 2004 (RTE 4.2.9) takes the identifiers themselves.
 */
import type { InteractionPattern } from './runtime';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function letter(options: readonly string[], id: string): string {
  const index = options.indexOf(id);
  if (index < 0 || index >= LETTERS.length) throw new RangeError(`"${id}" is not one of the first 26 options`);
  return LETTERS[index]!;
}

function digit(options: readonly string[], id: string): string {
  const index = options.indexOf(id);
  if (index < 0 || index > 9) throw new RangeError(`"${id}" is not one of the first 10 targets`);
  return String(index);
}

export interface FormattedResponses {
  type: string;
  learner: string;
  correct: string;
}

export function format12(pattern: InteractionPattern): FormattedResponses {
  switch (pattern.type) {
    case 'true-false':
      return { type: 'true-false', learner: pattern.learner ? 't' : 'f', correct: pattern.correct ? 't' : 'f' };
    case 'choice':
    case 'sequencing': {
      const write = (ids: readonly string[]) => ids.map((id) => letter(pattern.options, id)).join(',');
      return { type: pattern.type, learner: write(pattern.learner), correct: write(pattern.correct) };
    }
    case 'matching': {
      const write = (pairs: ReadonlyArray<readonly [string, string]>) =>
        pairs.map(([source, target]) => `${letter(pattern.sources, source)}.${digit(pattern.targets, target)}`).join(',');
      return { type: 'matching', learner: write(pattern.learner), correct: write(pattern.correct) };
    }
  }
}

export function format2004(pattern: InteractionPattern): FormattedResponses {
  switch (pattern.type) {
    case 'true-false':
      return { type: 'true-false', learner: String(pattern.learner), correct: String(pattern.correct) };
    case 'choice':
    case 'sequencing':
      return { type: pattern.type, learner: pattern.learner.join('[,]'), correct: pattern.correct.join('[,]') };
    case 'matching': {
      const write = (pairs: ReadonlyArray<readonly [string, string]>) => pairs.map(([s, t]) => `${s}[.]${t}`).join('[,]');
      return { type: 'matching', learner: write(pattern.learner), correct: write(pattern.correct) };
    }
  }
}

/**
 * SCORM 2004 responses by position (choices `a`, `b`…, matching targets `0`, `1`…), the form
 * every LMS accepts: written when an LMS refuses the identifiers themselves.
 */
export function format2004ByPosition(pattern: InteractionPattern): FormattedResponses {
  if (pattern.type === 'true-false') return format2004(pattern);
  const short = format12(pattern);
  const join = (text: string) => text.split(',').map((part) => part.replace('.', '[.]')).join('[,]');
  return { type: short.type, learner: join(short.learner), correct: join(short.correct) };
}
