/** Loads the runtime adapter of one SCORM version only (see connect.ts). */
import type { Connector } from './connect';
import type { ScormVersion } from './scorm-api';

export async function loadConnector(version: ScormVersion, lmsPassingScore = true): Promise<Connector> {
  if (version === '1.2') {
    const { Scorm12Runtime } = await import('./scorm-runtime');
    return (found) => {
      if (found.version !== '1.2') throw new Error(`expected a SCORM 1.2 API, found ${found.version}`);
      return new Scorm12Runtime(found.api);
    };
  }
  const { Scorm2004Runtime } = await import('./scorm2004-runtime');
  return (found) => {
    if (found.version !== '2004') throw new Error(`expected a SCORM 2004 API, found ${found.version}`);
    return new Scorm2004Runtime(found.api, lmsPassingScore);
  };
}
