import type { CSSResultOrNative } from 'lit';

/**
 * Builds the style sheets of elements already defined, ahead of their first instance. Lit builds
 * them on the first render, which would otherwise be part of the learner's tap on Continue.
 */
export function warmStyles(tags: Iterable<string>): void {
  for (const tag of tags) {
    const element = customElements.get(tag) as unknown as { elementStyles?: CSSResultOrNative[] } | undefined;
    for (const style of element?.elementStyles ?? []) if ('styleSheet' in style) void style.styleSheet;
  }
}
