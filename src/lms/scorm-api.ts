/**
 * The two SCORM run-time APIs as an LMS exposes them, and their discovery by the SCORM
 * run-time rules: walk up the parent frames (bounded), then the opener's chain.
 */
export type ScormVersion = '1.2' | '2004';

/** SCORM 1.2 RTE 3.3: the object an LMS exposes as window.API. */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): string;
  LMSFinish(parameter: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: ''): string;
  LMSGetLastError(): string | number;
  LMSGetErrorString(code: string): string;
}

/** SCORM 2004 RTE 3.1: the object an LMS exposes as window.API_1484_11. */
export interface Scorm2004Api {
  Initialize(parameter: ''): string;
  Terminate(parameter: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(parameter: ''): string;
  GetLastError(): string | number;
  GetErrorString(code: string): string;
}

export type FoundApi = { version: '1.2'; api: Scorm12Api } | { version: '2004'; api: Scorm2004Api };

/** The rules' usual bound: an LMS never nests the SCO more than a few frames deep. */
const MAX_FRAME_DEPTH = 10;

function lookIn(win: Window, version: ScormVersion): FoundApi | undefined {
  try {
    const holder = win as unknown as { API?: Scorm12Api; API_1484_11?: Scorm2004Api };
    if (version === '2004' && holder.API_1484_11 && typeof holder.API_1484_11.Initialize === 'function') {
      return { version, api: holder.API_1484_11 };
    }
    if (version === '1.2' && holder.API && typeof holder.API.LMSInitialize === 'function') {
      return { version, api: holder.API };
    }
  } catch {
    // A cross-origin frame throws on access: it cannot be our LMS.
  }
  return undefined;
}

function searchChain(start: Window, version: ScormVersion): FoundApi | undefined {
  let win: Window | null = start;
  for (let depth = 0; win && depth <= MAX_FRAME_DEPTH; depth++) {
    const found = lookIn(win, version);
    if (found) return found;
    let parent: Window | null = null;
    try {
      parent = win.parent;
    } catch {
      return undefined;
    }
    if (!parent || parent === win) break;
    win = parent;
  }
  return undefined;
}

/**
 * Finds the LMS API. The package's own version is pinned first; the other version is a
 * fallback for LMSs that launch a package under the API they prefer.
 */
export function findScormApi(preferred: ScormVersion, start: Window = window): FoundApi | undefined {
  const order: ScormVersion[] = preferred === '2004' ? ['2004', '1.2'] : ['1.2', '2004'];
  for (const version of order) {
    const found = searchChain(start, version) ?? openerChain(start, version);
    if (found) return found;
  }
  return undefined;
}

function openerChain(start: Window, version: ScormVersion): FoundApi | undefined {
  try {
    const top = start.top ?? start;
    const opener = (top.opener as Window | null) ?? null;
    return opener ? searchChain(opener, version) : undefined;
  } catch {
    return undefined;
  }
}
