/** Finding the LMS API by the SCORM run-time rules: parent frames (bounded), then the opener's chain. */
import { describe, expect, it } from 'vitest';
import { findScormApi } from '../../src/lms/scorm-api.ts';

const api12 = { LMSInitialize: () => 'true' };
const api2004 = { Initialize: () => 'true' };

/** A chain of fake windows, innermost first; `top` holds the given properties. */
function chain(depth: number, top: Record<string, unknown>, opener?: unknown): Window {
  const windows: Array<Record<string, unknown>> = [];
  for (let i = 0; i <= depth; i++) windows.push({});
  Object.assign(windows[depth]!, top);
  windows.forEach((w, i) => {
    w.parent = windows[Math.min(i + 1, depth)];
    w.top = windows[depth];
  });
  if (opener) windows[depth]!.opener = opener;
  return windows[0] as unknown as Window;
}

describe('SCORM API discovery', () => {
  it('finds the API of the version the package was built for in a parent frame', () => {
    expect(findScormApi('2004', chain(3, { API: api12, API_1484_11: api2004 }))?.version).toBe('2004');
    expect(findScormApi('1.2', chain(3, { API: api12, API_1484_11: api2004 }))?.version).toBe('1.2');
  });

  it('falls back to the other version when only it is there', () => {
    expect(findScormApi('1.2', chain(2, { API_1484_11: api2004 }))?.version).toBe('2004');
  });

  it('stops after a bounded number of frames', () => {
    expect(findScormApi('1.2', chain(10, { API: api12 }))?.version).toBe('1.2');
    expect(findScormApi('1.2', chain(14, { API: api12 }))).toBeUndefined();
  });

  it("looks in the opener's chain when the frames have none", () => {
    expect(findScormApi('1.2', chain(1, {}, chain(1, { API: api12 })))?.version).toBe('1.2');
  });

  it('ignores an object that is not an API, and frames that throw on access', () => {
    const hostile = {} as Record<string, unknown>;
    Object.defineProperty(hostile, 'API', { get: () => { throw new Error('cross-origin'); } });
    hostile.parent = hostile;
    expect(findScormApi('1.2', hostile as unknown as Window)).toBeUndefined();
    expect(findScormApi('1.2', chain(1, { API: { notAnApi: true } }))).toBeUndefined();
  });
});
