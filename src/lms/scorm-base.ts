/**
 * What both SCORM runtime adapters share: guarded calls, refused values told apart from
 * failures, objective slots, interaction slots, and never downgrading a status.
 */
import { lmsId, lmsInteraction } from './identifiers';
import {
  guarded,
  isTrue,
  strongerCompletion,
  strongerSuccess,
  type Completion,
  type InteractionRecord,
  type ResumeData,
  type RuntimeAdapter,
  type Success,
  type TrackingRecord,
} from './runtime';
import { classifyError, RefusalLog, type SetOutcome } from './write-result';

/** A score as both versions write it: 0–100, at most two decimals. */
export function percent(value: number): string {
  return String(Math.round(Math.min(100, Math.max(0, value)) * 100) / 100);
}

export interface LowLevelApi {
  initialize(): unknown;
  finish(): unknown;
  get(element: string): unknown;
  set(element: string, value: string): unknown;
  commit(): unknown;
  lastErrorCode(): unknown;
  errorString(code: string): unknown;
}

export abstract class ScormRuntime implements RuntimeAdapter {
  abstract readonly kind: 'scorm12' | 'scorm2004';
  /** Index of each objective in cmi.objectives (keyed by its LMS id), and the id the LMS holds there. */
  private objectiveSlots = new Map<string, { slot: number; held: string }>();
  /** The status the LMS holds, read at launch and kept as we write. */
  protected current = { completion: 'not-attempted' as Completion, success: 'unknown' as Success };
  /** The slot of each interaction written in this session: a retry rewrites the same slot. */
  private interactionSlots = new Map<string, number>();
  private interactionCount = 0;
  /** At most this many interactions are written in a session (see the 2004 adapter). */
  protected readonly maxInteractions: number = Infinity;
  private firstFailure = '';
  private readonly refusals = new RefusalLog();

  constructor(private readonly api: LowLevelApi) {}

  initialize(): boolean {
    const ok = guarded(() => isTrue(this.api.initialize()), false);
    if (ok) this.readCounts();
    else this.firstFailure = this.currentError();
    return ok;
  }

  protected get(element: string): string {
    return guarded(() => String(this.api.get(element) ?? ''), '');
  }

  /** Reads an element the LMS may not have initialised (error 403 then means "not set", not a fault). */
  protected getOptional(element: string): string {
    const value = this.get(element);
    return this.errorCode() === '0' ? value : '';
  }

  /**
   * Sets one element. A refused value is noted once (see RefusalLog) and is not a failure; any
   * other failure is remembered, with the LMS's reason, for the notice and the retry.
   */
  protected set(element: string, value: string): SetOutcome {
    let ok = false;
    let threw = false;
    try {
      ok = isTrue(this.api.set(element, value));
    } catch {
      threw = true;
    }
    if (ok) return 'ok';
    const code = threw ? '' : this.errorCode();
    if (code && classifyError(this.kind, code) === 'refused') {
      this.refusals.note(element, value, code, this.errorText(code));
      return 'refused';
    }
    if (!this.firstFailure) this.firstFailure = `${this.currentError() || (threw ? 'the LMS API threw an exception' : 'refused')} (${element})`;
    return 'failed';
  }

  private errorCode(): string {
    return guarded(() => String(this.api.lastErrorCode() ?? '0') || '0', '');
  }

  private errorText(code: string): string {
    return guarded(() => String(this.api.errorString(code) ?? ''), '');
  }

  private currentError(): string {
    const code = this.errorCode();
    if (code === '') return 'the LMS API threw an exception';
    return code === '0' ? '' : `${code}: ${this.errorText(code)}`;
  }

  /** Sets each value (with its fallback form when the first is refused); true unless one failed. */
  protected setAll(values: Array<[string, string] | [string, string, string]>): boolean {
    // Every value is attempted even after a failure: one bad element must not cost the rest.
    let reached = true;
    for (const [element, value, fallback] of values) {
      let outcome = this.set(element, value);
      if (outcome === 'refused' && fallback !== undefined) outcome = this.set(element, fallback);
      if (outcome === 'failed') reached = false;
    }
    return reached;
  }

  private readCounts(): void {
    const objectives = Number(this.get('cmi.objectives._count')) || 0;
    for (let i = 0; i < objectives; i++) {
      const id = this.get(`cmi.objectives.${i}.id`);
      // Ids written before identifiers were mapped (hyphens) keep their slot and their spelling.
      if (id) this.objectiveSlots.set(lmsId(id), { slot: i, held: id });
    }
    this.interactionCount = Number(this.get('cmi.interactions._count')) || 0;
  }

  /** The slot and the id to write for an objective (its LMS id, or the spelling the LMS already holds). */
  protected objectiveSlot(authoredId: string): { slot: number; id: string } {
    const id = lmsId(authoredId);
    let entry = this.objectiveSlots.get(id);
    if (!entry) {
      entry = { slot: this.objectiveSlots.size, held: id };
      this.objectiveSlots.set(id, entry);
    }
    return { slot: entry.slot, id: entry.held };
  }

  /**
   * Writes one answer or decision. True when the LMS has it (each value accepted, or refused for
   * good and logged); false when the LMS failed, so the session sends it again (same slot).
   */
  writeInteraction(interaction: InteractionRecord): boolean {
    const mapped = lmsInteraction(interaction);
    let n = this.interactionSlots.get(mapped.id);
    if (n === undefined) {
      if (this.interactionCount >= this.maxInteractions) {
        this.refusals.note('cmi.interactions', mapped.id, 'limit', `at most ${this.maxInteractions} interactions are sent per session, so that the data the LMS sends at exit stays small; the course keeps every answer`);
        return true;
      }
      n = this.interactionCount++;
      this.interactionSlots.set(mapped.id, n);
    }
    return this.setAll(this.interactionValues(`cmi.interactions.${n}.`, mapped));
  }

  commit(): boolean {
    const ok = guarded(() => isTrue(this.api.commit()), false);
    if (!ok && !this.firstFailure) this.firstFailure = this.currentError() || 'commit failed';
    return ok;
  }

  finish(): boolean {
    return guarded(() => isTrue(this.api.finish()), false);
  }

  lastError(): string {
    const failure = this.firstFailure;
    this.firstFailure = '';
    return failure || this.currentError();
  }

  takeRefusals(): string[] {
    return this.refusals.take();
  }

  refusalCount(): number {
    return this.refusals.count;
  }

  keepAtLeast(completion: Completion, success: Success): void {
    this.current = { completion: strongerCompletion(this.current.completion, completion), success: strongerSuccess(this.current.success, success) };
  }

  /** The status to write: never below what the LMS holds; a better status keeps its score too. */
  protected merge(record: TrackingRecord): { completion: Completion; success: Success; keepScore: boolean } {
    const completion = strongerCompletion(this.current.completion, record.completion);
    const success = strongerSuccess(this.current.success, record.success);
    this.current = { completion, success };
    return { completion, success, keepScore: success !== record.success };
  }

  abstract readResume(): ResumeData;
  abstract write(record: TrackingRecord): boolean;
  protected abstract interactionValues(prefix: string, interaction: InteractionRecord): Array<[string, string] | [string, string, string]>;
}
