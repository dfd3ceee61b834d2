import { css } from 'lit';

/**
 * Shared design tokens. System fonts only (nothing is fetched at run time); colours meet
 * WCAG 2.2 AA contrast on white; focus is always visible.
 */
export const theme = css`
  :host {
    --micic-ink: #1b1f24;
    --micic-muted: #4a5560;
    --micic-accent: #0b5cad;
    --micic-accent-ink: #ffffff;
    --micic-surface: #ffffff;
    --micic-panel: #f3f5f7;
    --micic-border: #c5ccd3;
    --micic-success: #1d6b33;
    --micic-warning-bg: #fff4d6;
    --micic-focus: #c2410c;
    --micic-error: #b3261e;
    --micic-radius: 6px;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif;
    color: var(--micic-ink);
    line-height: 1.55;
  }
  :host *:focus-visible {
    outline: 3px solid var(--micic-focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    min-height: 44px;
    min-width: 44px;
    border-radius: var(--micic-radius);
    cursor: pointer;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    :host *,
    :host *::before,
    :host *::after {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
`;

/**
 * The shared frame of everything shown in the main area (a page, the quiz, a scenario, the
 * workshop card): readable width, the page title, section headings, and focusable headings that
 * show focus only to keyboard users.
 */
export const pageFrame = css`
  :host {
    display: block;
    max-width: 46rem;
  }
  h1 {
    font-size: clamp(1.5rem, 4vw, 2rem);
    line-height: 1.25;
    margin: 0 0 1rem;
  }
  h2 {
    font-size: 1.2rem;
    margin: 1.5rem 0 0.75rem;
  }
  h1:focus,
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--micic-focus);
  }
  /* A page title takes focus only by script, when a page opens, so screen readers announce it: it is not a control. */
  :host h1:focus-visible {
    outline: none;
  }
`;

/** The scenario's role and setting, above the game and the trainer's script alike. */
export const scenarioSetting = css`
  .setting {
    background: var(--micic-panel);
    padding: 0.5rem 1rem;
    border-radius: var(--micic-radius);
  }
`;
