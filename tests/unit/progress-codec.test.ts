import { describe, expect, it } from 'vitest';
import { decodeProgress, encodeProgress, savedAtOf, type SavedProgress } from '../../src/progress/codec.ts';

const modules = [
  { id: 'preparedness', pageIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] },
  { id: 'response', pageIds: ['a', 'b'] },
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
};

describe('progress codec', () => {
  it('encodes compactly and decodes to the same state', () => {
    const text = encodeProgress(sample, 'abcd1234');
    expect(text).toBe('F1|abcd1234|tozso0|es|0.5|d3.2');
    expect(savedAtOf(text)).toBe(SAVED_AT);
    expect(decodeProgress(text, 'abcd1234', modules)).toEqual({ status: 'restored', progress: sample });
  });

  it('round-trips every combination of seen pages for a module', () => {
    for (let mask = 0; mask < 1 << 7; mask++) {
      const visited = [modules[0]!.pageIds.map((_, i) => (mask & (1 << i)) !== 0), [true, true]];
      const progress: SavedProgress = { savedAt: SAVED_AT, language: 'en', position: { module: 1, page: 1 }, visited };
      expect(decodeProgress(encodeProgress(progress, 'h'), 'h', modules)).toEqual({ status: 'restored', progress });
    }
  });

  it('treats empty data as a first visit', () => {
    expect(decodeProgress('', 'h', modules)).toEqual({ status: 'empty' });
  });

  it('refuses progress saved against other content', () => {
    const text = encodeProgress(sample, 'old00000');
    expect(decodeProgress(text, 'new00000', modules)).toMatchObject({ status: 'incompatible' });
  });

  it('refuses an unknown format', () => {
    expect(decodeProgress('{"some":"json"}', 'h', modules)).toMatchObject({ status: 'incompatible' });
  });

  it.each([
    ['truncated', 'F1|h|tozso0|es|0.5|d'],
    ['missing field', 'F1|h|tozso0|es|0.5'],
    ['bad save time', 'F1|h|!!|es|0.5|d3.2'],
    ['bad language', 'F1|h|tozso0|fr|0.5|d3.2'],
    ['position outside the module', 'F1|h|tozso0|es|0.9|d3.2'],
    ['module outside the course', 'F1|h|tozso0|es|4.0|d3.2'],
    ['bad bitmap digit', 'F1|h|tozso0|es|0.5|d!.2'],
    ['too few modules', 'F1|h|tozso0|es|0.5|d3'],
  ])('reports corrupt data (%s) instead of guessing', (_name, text) => {
    expect(decodeProgress(text, 'h', modules)).toMatchObject({ status: 'corrupt' });
  });
});
