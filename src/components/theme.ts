import { css } from 'lit';

/**
 * The design system: every colour, size, space, radius, shadow and motion the components use,
 * as CSS custom properties (README "Design"). Components use the tokens, never raw values, so the
 * course keeps one calm look. System fonts only (nothing is fetched at run time). Text colours
 * meet WCAG 2.2 AA on --micic-surface and --micic-panel (contrast ratios noted); focus is always
 * visible; motion is off for learners who ask for reduced motion.
 */
export const theme = css`
  :host {
    /* Colour: a blue family on white. Ratios are against #ffffff. */
    --micic-blue-900: #0a2540; /* 15.8:1 — headings on light panels, banner ink */
    --micic-blue-700: #0b4a8b; /* 8.9:1 — hover of the accent */
    --micic-blue-600: #0b5cad; /* 6.6:1 — the accent: links, primary buttons, header */
    --micic-blue-200: #b9d3ef; /* non-text: borders of cards on panels */
    --micic-blue-100: #dceaf8; /* non-text: progress track, highlighted rows */
    --micic-blue-50: #f1f6fc; /* panels */
    --micic-ink: #1b2430; /* 15.2:1 — body text */
    --micic-muted: #4a5563; /* 7.6:1 — secondary text */
    --micic-accent: var(--micic-blue-600);
    --micic-accent-strong: var(--micic-blue-700);
    --micic-accent-ink: #ffffff; /* on the accent: 6.6:1 */
    --micic-surface: #ffffff;
    --micic-panel: var(--micic-blue-50);
    --micic-border: #c3ccd6; /* dividers only (not a control's boundary) */
    --micic-border-strong: #6b7785; /* 4.6:1 — boundaries of controls */
    --micic-success: #1d6b33; /* 6.5:1 */
    --micic-warning-bg: #fff4d6;
    --micic-warning-border: #8a6d00; /* 4.9:1 */
    --micic-error: #b3261e; /* 6.5:1 — error text and borders */
    --micic-error-bg: #fdecea;
    --micic-focus: #c2410c; /* 5.2:1 on white, 3.1:1 against the accent */
    --micic-backdrop: rgb(10 37 64 / 45%);

    /* Type: system fonts; a 1.2 scale from a 1rem body. */
    --micic-font: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif;
    --micic-text-xs: 0.8125rem;
    --micic-text-sm: 0.875rem;
    --micic-text-base: 1rem;
    --micic-text-md: 1.125rem;
    --micic-text-lg: 1.3rem;
    --micic-text-xl: 1.6rem;
    --micic-text-2xl: clamp(1.5rem, 4vw, 2.1rem);
    --micic-leading: 1.55;
    --micic-leading-tight: 1.25;
    --micic-measure: 70ch;
    --micic-column: 46rem;

    /* Space: a 4px base. */
    --micic-space-1: 0.25rem;
    --micic-space-2: 0.5rem;
    --micic-space-3: 0.75rem;
    --micic-space-4: 1rem;
    --micic-space-5: 1.5rem;
    --micic-space-6: 2rem;
    --micic-space-7: 3rem;

    /* Shape and depth. */
    --micic-radius-sm: 4px;
    --micic-radius: 8px;
    --micic-radius-lg: 14px;
    --micic-shadow-sm: 0 1px 2px rgb(10 37 64 / 12%);
    --micic-shadow: 0 2px 8px rgb(10 37 64 / 14%);
    --micic-shadow-lg: 0 8px 24px rgb(10 37 64 / 22%);

    /* Motion: short and calm; zero under prefers-reduced-motion (below). */
    --micic-duration-fast: 120ms;
    --micic-duration: 200ms;
    --micic-ease: cubic-bezier(0.2, 0, 0, 1);

    font-family: var(--micic-font);
    font-size: var(--micic-text-base);
    color: var(--micic-ink);
    line-height: var(--micic-leading);
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
    transition:
      background-color var(--micic-duration-fast) var(--micic-ease),
      box-shadow var(--micic-duration-fast) var(--micic-ease);
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
    :host {
      --micic-duration-fast: 0ms;
      --micic-duration: 0ms;
    }
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
    max-width: var(--micic-column);
  }
  h1 {
    font-size: var(--micic-text-2xl);
    line-height: var(--micic-leading-tight);
    color: var(--micic-blue-900);
    margin: 0 0 var(--micic-space-4);
  }
  h2 {
    font-size: var(--micic-text-lg);
    line-height: var(--micic-leading-tight);
    color: var(--micic-blue-900);
    margin: var(--micic-space-5) 0 var(--micic-space-3);
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

/** A module banner: full width, its own proportions (width and height attributes), no layout shift. */
export const bannerStyles = css`
  img.banner {
    display: block;
    width: 100%;
    height: auto;
    border-radius: var(--micic-radius-lg);
    background: var(--micic-blue-100);
  }
`;

/** The call to action (Start, Continue) and its quieter companion, and the small label above a title. */
export const actionStyles = css`
  .eyebrow {
    margin: 0;
    font-size: var(--micic-text-sm);
    font-weight: 700;
    color: var(--micic-accent);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .primary {
    border: 2px solid var(--micic-accent);
    background: var(--micic-accent);
    color: var(--micic-accent-ink);
    padding: var(--micic-space-2) var(--micic-space-5);
    font-weight: 700;
  }
  .primary:hover {
    background: var(--micic-accent-strong);
  }
  .secondary {
    border: 2px solid var(--micic-accent);
    background: var(--micic-surface);
    color: var(--micic-accent);
    padding: var(--micic-space-2) var(--micic-space-4);
  }
`;
