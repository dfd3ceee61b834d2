/**
 * This tab's writer for the learner's browser copy: numbers every save (the save counter that
 * orders copies without clocks), remembers which LMS state it is based on, and refuses to write
 * over a newer save made by another tab.
 */
import type { LocalMirror, MirrorEntry } from './mirror';
import type { InteractionRecord } from './runtime';
import { fingerprint } from './save-order';

export type CopyWrite = 'kept' | 'not-kept' | 'other-tab';

export class BrowserCopy {
  /** Fingerprint of the suspend_data the LMS holds, as far as this tab knows. */
  private lmsBase = '';
  /** The save counter as this tab last saw or wrote it. */
  private seq: number;
  private readonly tabId = Math.random().toString(36).slice(2, 10);
  /** What the copy held when this tab started. */
  readonly atStart: MirrorEntry | undefined;

  constructor(
    private readonly mirror: LocalMirror,
    private readonly now: () => number,
  ) {
    this.atStart = mirror.read();
    this.seq = this.atStart?.seq ?? 0;
  }

  /** The LMS now holds this suspend_data (read at launch, or confirmed by a commit). */
  lmsHolds(suspendData: string): void {
    this.lmsBase = fingerprint(suspendData);
  }

  write(state: Pick<MirrorEntry, 'location' | 'suspendData' | 'completion' | 'success'>, pendingInteractions: InteractionRecord[], confirmed: boolean): CopyWrite {
    const stored = this.mirror.read();
    if (stored && stored.writer && stored.writer !== this.tabId && stored.seq > this.seq) return 'other-tab';
    this.seq = Math.max(this.seq, stored?.seq ?? 0) + 1;
    const kept = this.mirror.write({
      seq: this.seq,
      savedAt: this.now(),
      location: state.location,
      suspendData: state.suspendData,
      ...(state.completion ? { completion: state.completion } : {}),
      ...(state.success ? { success: state.success } : {}),
      pendingInteractions,
      confirmed: confirmed && pendingInteractions.length === 0,
      base: this.lmsBase,
      writer: this.tabId,
    });
    return kept ? 'kept' : 'not-kept';
  }
}
