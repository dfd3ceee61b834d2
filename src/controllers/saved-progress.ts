/**
 * The launch hook for saved progress: decodes what the LMS or the browser kept, fits it to this
 * build's content (progress/migration.ts), keeps the saved text as a browser copy before the
 * course writes over it whenever something does not fit, and says which notice is true.
 */
import type { UiStringKey } from '../i18n';
import type { CodecModule, SavedProgress } from '../progress/codec';
import { decodeProgress, nothingFits } from '../progress/migration';

export interface SavedProgressOutcome {
  /** What fits this content (undefined: start at the LMS bookmark or the beginning). */
  progress?: SavedProgress;
  notice?: UiStringKey;
}

/** How many earlier texts a learner's set-aside list keeps. */
export const SET_ASIDE_KEPT = 3;

export interface SetAsideEntry {
  /** When it was set aside (ms since 1970). */
  at: number;
  reason: string;
  suspendData: string;
}

/** Browser copies of progress that no longer fit, newest last; storage failures return false. */
export class SetAsideStore {
  constructor(
    readonly key: string,
    private readonly storage: Storage | undefined,
  ) {}

  read(): SetAsideEntry[] {
    try {
      const list: unknown = JSON.parse(this.storage?.getItem(this.key) ?? '[]');
      return Array.isArray(list) ? list.filter((e): e is SetAsideEntry => typeof e?.suspendData === 'string' && typeof e?.at === 'number') : [];
    } catch {
      return [];
    }
  }

  keep(suspendData: string, reason: string, at: number): boolean {
    if (!this.storage) return false;
    const list = this.read().filter((e) => e.suspendData !== suspendData);
    try {
      this.storage.setItem(this.key, JSON.stringify([...list, { at, reason, suspendData }].slice(-SET_ASIDE_KEPT)));
      return true;
    } catch {
      return false;
    }
  }
}

export function restoreSaved(
  suspendData: string,
  contentHash: string,
  modules: readonly CodecModule[],
  store: SetAsideStore,
  now = Date.now(),
): SavedProgressOutcome {
  const decoded = decodeProgress(suspendData, contentHash, modules);
  if (decoded.status === 'empty') return {};
  if (decoded.status === 'restored' && decoded.dropped.length === 0) return { progress: decoded.progress };
  const reason = decoded.status === 'restored' ? `no longer fits: ${decoded.dropped.join('; ')}` : decoded.reason;
  console.warn(`[MICIC course] saved progress ${decoded.status === 'corrupt' ? 'is unreadable' : 'was saved for other content'} (${reason})`);
  const kept = store.keep(suspendData, reason, now);
  // Damaged, not outdated: say so (the text is kept aside all the same).
  if (decoded.status === 'corrupt') return { notice: 'notice.progressDamaged' };
  if (decoded.status === 'restored' && !nothingFits(decoded.progress)) return { progress: decoded.progress, notice: 'notice.progressMigrated' };
  return { notice: kept ? 'notice.progressSetAside' : 'notice.progressReset' };
}
