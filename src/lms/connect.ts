/**
 * Connects a found SCORM API to its runtime adapter. `loadConnector` fetches only the version
 * found (a SCORM 1.2 launch never downloads the 2004 adapter, the web build neither);
 * `connectScorm` has both at hand, for tests and tools.
 */
import type { RuntimeAdapter } from './runtime';
import type { FoundApi } from './scorm-api';
import { Scorm12Runtime } from './scorm-runtime';
import { Scorm2004Runtime } from './scorm2004-runtime';

export type Connector = (found: FoundApi) => RuntimeAdapter;

/** `lmsPassingScore`: false where the course does not use the LMS's passing score (2004 only reads it). */
export function connectScorm(lmsPassingScore = true): Connector {
  return (found) => (found.version === '1.2' ? new Scorm12Runtime(found.api) : new Scorm2004Runtime(found.api, lmsPassingScore));
}
