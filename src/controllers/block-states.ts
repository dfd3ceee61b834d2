/**
 * Keeps the state of the interactive content blocks across visits and launches: answers each
 * block's request for its saved state and stores its changes in the browser (block-codec.ts).
 * Storage that is missing, full or refusing only means the state lasts as long as the page.
 */
import { BLOCK_CHANGE_EVENT, BLOCK_RESTORE_EVENT, type BlockStateChange, type BlockStateRequest } from '../components/blocks/block-events';
import { decodeBlockStates, encodeBlockStates } from '../progress/block-codec';

export class BlockStates {
  private readonly states: Map<string, number>;

  constructor(
    private readonly storage: Storage | undefined,
    private readonly key: string,
    private readonly contentHash: string,
  ) {
    let saved: string | null = null;
    try {
      saved = storage?.getItem(key) ?? null;
    } catch {
      saved = null;
    }
    this.states = decodeBlockStates(saved, contentHash);
  }

  /** Listens for the blocks' requests and changes under `target` (the course shell). */
  attach(target: EventTarget): this {
    target.addEventListener(BLOCK_RESTORE_EVENT, (event) => {
      const request = (event as CustomEvent<BlockStateRequest>).detail;
      request.state = this.states.get(request.id);
    });
    target.addEventListener(BLOCK_CHANGE_EVENT, (event) => {
      const { id, state } = (event as CustomEvent<BlockStateChange>).detail;
      this.states.set(id, state);
      this.save();
    });
    return this;
  }

  get(id: string): number | undefined {
    return this.states.get(id);
  }

  private save(): void {
    try {
      this.storage?.setItem(this.key, encodeBlockStates(this.states, this.contentHash));
    } catch {
      // Full or refused: the state stays in memory for this visit.
    }
  }
}
