import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeProgress, type CodecModule, type SavedProgress } from '../../src/progress/codec.ts';
import { savedAtOf } from '../../src/progress/parse.ts';
import { decodeProgress } from '../../src/progress/migration.ts';
import { moduleKey, pageKey } from '../../src/progress/structure-keys.ts';

const modules: CodecModule[] = [
  { id: 'one', pageIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], objectiveIds: ['x'], scenarios: [] },
  { id: 'two', pageIds: ['a', 'b'], objectiveIds: ['y'], scenarios: [] },
];

const SAVED_AT = 1_795_500_000_000;

const sample: SavedProgress = {
  savedAt: SAVED_AT,
  language: 'es',
  position: { module: 0, page: 5 },
  visited: [
    [true, false, true, true, false, true, true],
    [false, true],
  ],
  quizzes: [undefined, undefined],
  scenarios: [[], []],
};

describe('progress codec', () => {
  it('encodes compactly and decodes to the same state', () => {
    const text = encodeProgress(sample, modules);
    const [a, c, d, f, g, b] = ['a', 'c', 'd', 'f', 'g', 'b'].map(pageKey);
    expect(text).toBe(`F2|${moduleKey('one')}.${moduleKey('two')}|tozso0|es|${moduleKey('one')}${f}|${a}${c}${d}${f}${g}.${b}|~|~|~.|~`);
    expect(savedAtOf(text)).toBe(SAVED_AT);
    expect(decodeProgress(text, 'abcd1234', modules)).toEqual({ status: 'restored', progress: sample, dropped: [] });
  });

  it('round-trips every combination of seen pages for a module', () => {
    for (let mask = 0; mask < 1 << 7; mask++) {
      const visited = [modules[0]!.pageIds.map((_, i) => (mask & (1 << i)) !== 0), [true, true]];
      const progress: SavedProgress = { savedAt: SAVED_AT, language: 'en', position: { module: 1, page: 1 }, visited, quizzes: [undefined, undefined], scenarios: [[], []] };
      expect(decodeProgress(encodeProgress(progress, modules), 'h', modules)).toEqual({ status: 'restored', progress, dropped: [] });
    }
  });

  it('treats empty data as a first visit', () => {
    expect(decodeProgress('', 'h', modules)).toEqual({ status: 'empty' });
  });

  it('refuses first-format progress (by position) saved against other content', () => {
    expect(decodeProgress('F1|old00000|tozso0|es|0.5|d3.2|~|~', 'new00000', modules)).toMatchObject({ status: 'incompatible' });
  });

  it('still reads first-format progress saved against this very content', () => {
    expect(decodeProgress('F1|abcd1234|tozso0|es|0.5|d3.2|~|~', 'abcd1234', modules)).toEqual({ status: 'restored', progress: sample, dropped: [] });
  });

  it('refuses an unknown format', () => {
    expect(decodeProgress('{"some":"json"}', 'h', modules)).toMatchObject({ status: 'incompatible' });
  });

  const keys = `${moduleKey('one')}.${moduleKey('two')}`;
  const here = `${moduleKey('one')}${pageKey('f')}`;
  it.each([
    ['missing field', `F2|${keys}|tozso0|es|${here}`],
    ['bad save time', `F2|${keys}|!!|es|${here}|.|~|~`],
    ['bad language', `F2|${keys}|tozso0|fr|${here}|.|~|~`],
    ['bad position', `F2|${keys}|tozso0|es|0.5|.|~|~`],
    ['a page key cut short', `F2|${keys}|tozso0|es|${here}|${pageKey('a')}x.|~|~`],
    ['too few modules', `F2|${keys}|tozso0|es|${here}|.|~|`],
    ['bad module keys', `F2|on.two|tozso0|es|${here}|.|~|~`],
    ['a quiz that is not one', `F2|${keys}|tozso0|es|${here}|.|~|~`.replace('|~|~', '|x~|~')],
  ])('reports corrupt data (%s) instead of guessing', (_name, text) => {
    expect(decodeProgress(text, 'h', modules)).toMatchObject({ status: 'corrupt' });
  });
});

describe('progress codec properties', () => {
  const courseShape = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 });
  const progressFor = (pageCounts: number[]) =>
    fc.record({
      savedAt: fc.integer({ min: 0, max: 4_000_000_000 }).map((seconds) => seconds * 1000),
      language: fc.constantFrom('en' as const, 'es' as const),
      position: fc.integer({ min: 0, max: pageCounts.length - 1 }).chain((module) =>
        fc.integer({ min: 0, max: pageCounts[module]! - 1 }).map((page) => ({ module, page })),
      ),
      visited: fc.tuple(...pageCounts.map((count) => fc.array(fc.boolean(), { minLength: count, maxLength: count }))),
    });

  it('decodes whatever it encodes, for any course shape and progress', () => {
    fc.assert(
      fc.property(
        courseShape.chain((counts) => fc.tuple(fc.constant(counts), progressFor(counts))),
        ([counts, progress]) => {
          const scope = counts.map((count, m) => ({ id: `m${m}`, pageIds: Array.from({ length: count }, (_, p) => `p${p}`), objectiveIds: [], scenarios: [] }));
          const text = encodeProgress({ ...progress, quizzes: counts.map(() => undefined), scenarios: counts.map(() => []) }, scope);
          expect(decodeProgress(text, 'c0ffee00', scope)).toEqual({ status: 'restored', progress: { ...progress, quizzes: counts.map(() => undefined), scenarios: counts.map(() => []) }, dropped: [] });
        },
      ),
    );
  });

  it('never throws on arbitrary text, and restores only its own format', () => {
    const scope = [{ id: 'm', pageIds: ['a', 'b', 'c'], objectiveIds: [], scenarios: [] }];
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const result = decodeProgress(text, 'c0ffee00', scope);
        if (result.status === 'restored') expect(text.startsWith('F2|') || text.startsWith('F1|c0ffee00|')).toBe(true);
      }),
    );
  });

  it('survives any truncation of real data', () => {
    const scope = modules;
    const text = encodeProgress(sample, modules);
    for (let cut = 0; cut < text.length; cut++) {
      const result = decodeProgress(text.slice(0, cut), 'abcd1234', scope);
      expect(result.status).not.toBe('restored');
    }
  });
});
