/**
 * The first view is drawn from the saved text alone (no quiz keys, no codecs); the engine restores
 * the rest. Both must put the learner in the same place, and a session that may merge two saved
 * texts must have the codec loaded before it starts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeProgress, type CodecModule, type SavedProgress } from '../../src/progress/codec.ts';
import { decodeProgress } from '../../src/progress/migration.ts';
import { savedPlace } from '../../src/progress/place.ts';
import { mayNeedMerge, mirrorKey } from '../../src/lms/learner-copies.ts';
import { MemoryStorage } from './session-harness.ts';

const modules: CodecModule[] = [
  { id: 'one', pageIds: ['a', 'b', 'c', 'd', 'e'], objectiveIds: ['x'], scenarios: [] },
  { id: 'two', pageIds: ['a', 'b', 'c'], objectiveIds: ['y'], scenarios: [] },
];

const progressArb = fc
  .record({
    language: fc.constantFrom('en' as const, 'es' as const),
    module: fc.integer({ min: 0, max: 1 }),
    page: fc.nat(),
    one: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    two: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  })
  .map(
    ({ language, module, page, one, two }): SavedProgress => ({
      savedAt: 1_795_500_000_000,
      language,
      position: { module, page: page % modules[module]!.pageIds.length },
      visited: [one, two],
      quizzes: [undefined, undefined],
      scenarios: [[], []],
    }),
  );

describe('the place a saved text puts the learner, read without the details', () => {
  it('agrees with the full restore, on this content and on content whose pages changed', () => {
    // Module one lost page "b" and gained "z"; module two's pages were reordered.
    const edited: CodecModule[] = [
      { ...modules[0]!, pageIds: ['a', 'z', 'c', 'd', 'e'] },
      { ...modules[1]!, pageIds: ['c', 'a', 'b'] },
    ];
    fc.assert(
      fc.property(progressArb, (progress) => {
        const text = encodeProgress(progress, modules);
        for (const content of [modules, edited]) {
          const full = decodeProgress(text, 'hash', content);
          if (full.status !== 'restored') throw new Error(`not restored: ${full.status}`);
          const { language, position, visited } = full.progress;
          expect(savedPlace(text, content)).toEqual({ language, position, visited });
        }
      }),
    );
  });

  it('reads nothing from an empty, older-format or damaged text (the engine decides, and says so)', () => {
    const text = encodeProgress((fc.sample(progressArb, 1)[0]!), modules);
    expect(savedPlace('', modules)).toBeUndefined();
    expect(savedPlace('F1|abcd1234|tozso0|es|0.5|d3.2|~|~', modules)).toBeUndefined();
    expect(savedPlace(text.replace(/\|(en|es)\|/, '|xx|'), modules)).toBeUndefined();
    expect(savedPlace(text.split('|').slice(0, 6).join('|'), modules)).toBeUndefined();
  });
});

describe('whether a session start may have to merge two saved texts', () => {
  const storageKey = 'micic:micic-course:0.1.0:preparedness';
  const entry = (confirmed: boolean, suspendData = 'F2|…') =>
    JSON.stringify({ seq: 1, savedAt: 1, location: '', suspendData, pendingInteractions: [], confirmed, base: '', writer: 'w' });

  it('only when this browser holds an unconfirmed copy of this activity, or work done with no LMS', () => {
    const storage = new MemoryStorage();
    expect(mayNeedMerge(storage, storageKey)).toBe(false);
    storage.setItem(mirrorKey('learner-1', storageKey), entry(true));
    storage.setItem(mirrorKey('learner-2', `${storageKey}-other`), entry(false));
    storage.setItem(mirrorKey('learner-3', storageKey), entry(false, ''));
    expect(mayNeedMerge(storage, storageKey)).toBe(false);
    storage.setItem(mirrorKey('learner-4', storageKey), entry(false));
    expect(mayNeedMerge(storage, storageKey)).toBe(true);
    storage.removeItem(mirrorKey('learner-4', storageKey));
    storage.setItem(mirrorKey('', storageKey), entry(false));
    expect(mayNeedMerge(storage, storageKey)).toBe(true);
    storage.removeItem(mirrorKey('', storageKey));
    storage.setItem(storageKey, JSON.stringify({ location: 'one/a', suspendData: 'F2|…', savedAt: 1 }));
    expect(mayNeedMerge(storage, storageKey)).toBe(true);
  });

  it('assumes it may when browser storage cannot be listed, and not when there is none', () => {
    const broken = new MemoryStorage();
    broken.setItem('x', 'y');
    broken.key = () => {
      throw new Error('SecurityError');
    };
    expect(mayNeedMerge(broken, storageKey)).toBe(true);
    expect(mayNeedMerge(undefined, storageKey)).toBe(false);
  });
});
