/**
 * Loads the code of the interactive blocks a page's HTML uses, on first use only: a page without
 * blocks loads none, and each block's code is its own small chunk.
 */
const LOADERS: Record<string, () => Promise<unknown>> = {
  'micic-accordion': () => import('./accordion-block'),
  'micic-tabs': () => import('./tabs-block'),
  'micic-process': () => import('./process-block'),
  'micic-flashcards': () => import('./flashcards-block'),
  'micic-hotspots': () => import('./hotspots-block'),
};

/** The interactive blocks' elements. */
export const BLOCK_ELEMENTS = Object.keys(LOADERS);

/** Starts loading every block element named in `html` that is not defined yet. */
export function loadBlocks(html: string): Promise<unknown> {
  const loads = blockTags(html).filter((tag) => LOADERS[tag] && !customElements.get(tag)).map((tag) => LOADERS[tag]!());
  return Promise.all(loads).catch(() => undefined);
}

/** The course's elements a page's HTML names. */
export function blockTags(html: string): string[] {
  return [...new Set([...html.matchAll(/<(micic-[a-z]+)[\s>]/g)].map((m) => m[1]!))];
}
