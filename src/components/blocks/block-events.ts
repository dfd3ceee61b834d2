/**
 * How interactive blocks keep state: on connecting, a block asks for its saved state (whoever
 * keeps it fills `state` in, synchronously); on a change, it tells its new state. Both events
 * bubble out of shadow roots. Kept apart from the blocks so the course can listen without
 * loading any block's code.
 */
export interface BlockStateRequest {
  id: string;
  state?: number;
}
export interface BlockStateChange {
  id: string;
  state: number;
}
export const BLOCK_RESTORE_EVENT = 'micic-block-restore';
export const BLOCK_CHANGE_EVENT = 'micic-block-change';
