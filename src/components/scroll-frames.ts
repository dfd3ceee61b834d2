import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Makes each frame matching `selector` in the host's shadow root reachable by keyboard while it
 * scrolls (its content is wider than it, e.g. a figure kept legible on a phone), and only then:
 * a focusable group named by its figure's caption (else the image's alt text), so arrow keys
 * scroll it. A frame that fits is left alone, so wide screens get no extra tab stop.
 */
export class ScrollFrames implements ReactiveController {
  private observer?: ResizeObserver;
  private readonly observed = new Set<Element>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly selector: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => entries.forEach((entry) => this.mark(entry.target as HTMLElement)));
    for (const frame of this.observed) this.observer.observe(frame);
  }

  hostUpdated(): void {
    const frames = [...(this.host.shadowRoot?.querySelectorAll<HTMLElement>(this.selector) ?? [])];
    for (const frame of this.observed) if (!frames.includes(frame as HTMLElement)) this.forget(frame);
    for (const frame of frames) {
      if (this.observed.has(frame)) continue;
      this.observed.add(frame);
      // The observer reports each new frame's size once it is laid out: measuring here would force
      // a layout in the middle of the page's first render.
      this.observer?.observe(frame);
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  private forget(frame: Element): void {
    this.observer?.unobserve(frame);
    this.observed.delete(frame);
  }

  private mark(frame: HTMLElement): void {
    if (frame.scrollWidth > frame.clientWidth + 1) {
      const name = frame.closest('figure')?.querySelector('figcaption')?.textContent ?? frame.querySelector('img')?.alt ?? '';
      frame.tabIndex = 0;
      frame.setAttribute('role', 'group');
      frame.setAttribute('aria-label', name.trim());
    } else {
      frame.removeAttribute('tabindex');
      frame.removeAttribute('role');
      frame.removeAttribute('aria-label');
    }
  }
}
