import { css } from 'lit';

/**
 * The page's styles for content blocks: the blocks without script (callout, quote, figure,
 * timeline), and the content of interactive blocks before their code has loaded. Theme tokens
 * only, so a change of the theme restyles the blocks.
 */
export const pageBlockStyles = css`
  .block-callout {
    margin: var(--micic-space-5, 1.5rem) 0;
    padding: var(--micic-space-3, 0.75rem) var(--micic-space-4, 1rem);
    border-inline-start: 6px solid var(--micic-accent);
    border-radius: var(--micic-radius);
    background: var(--micic-panel);
  }
  .block-callout[data-kind='example'] {
    border-inline-start-color: var(--micic-success);
  }
  .block-callout[data-kind='caution'] {
    border-inline-start-color: var(--micic-warning-border, #8a6d00);
    background: var(--micic-warning-bg);
  }
  .block-callout > :last-child,
  .block-timeline li > :last-child {
    margin-bottom: 0;
  }
  .block-callout .block-label {
    margin: 0 0 var(--micic-space-1, 0.25rem);
    font-weight: 700;
    font-size: var(--micic-text-sm, 0.875rem);
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }
  .block-quote {
    margin: var(--micic-space-5, 1.5rem) 0;
  }
  .block-quote blockquote {
    margin: 0;
    font-size: var(--micic-text-md, 1.125rem);
  }
  .block-quote figcaption {
    margin-top: var(--micic-space-2, 0.5rem);
    padding-inline-start: var(--micic-space-4, 1rem);
    color: var(--micic-muted);
  }
  .block-quote figcaption::before {
    content: '— ';
  }
  .block-figure {
    margin: var(--micic-space-5, 1.5rem) 0;
    overflow-x: auto;
  }
  .block-figure img,
  .block-figure svg,
  micic-hotspots img,
  micic-hotspots svg {
    display: block;
    max-width: 100%;
    height: auto;
  }
  .block-figure figcaption {
    margin-top: var(--micic-space-2, 0.5rem);
    color: var(--micic-muted);
    font-size: var(--micic-text-sm, 0.875rem);
  }
  .block-figure table {
    border-collapse: collapse;
  }
  .block-figure th,
  .block-figure td {
    border: 1px solid var(--micic-border);
    padding: var(--micic-space-1, 0.25rem) var(--micic-space-2, 0.5rem);
    text-align: start;
    vertical-align: top;
  }
  .block-timeline {
    list-style: none;
    margin: var(--micic-space-5, 1.5rem) 0;
    padding: 0;
  }
  .block-timeline li {
    position: relative;
    padding: 0 0 var(--micic-space-4, 1rem) var(--micic-space-6, 2rem);
    border-inline-start: 3px solid var(--micic-accent);
    margin-inline-start: 0.5rem;
  }
  .block-timeline li:last-child {
    border-inline-start-color: transparent;
  }
  .block-timeline li::before {
    content: '';
    position: absolute;
    inset-inline-start: -0.6rem;
    top: 0.2rem;
    width: 0.9rem;
    height: 0.9rem;
    border-radius: 50%;
    background: var(--micic-surface);
    border: 3px solid var(--micic-accent);
  }
  .block-timeline .block-when {
    margin: 0 0 var(--micic-space-1, 0.25rem);
    font-size: var(--micic-text-md, 1.125rem);
    color: var(--micic-accent);
  }
  .block-timeline .block-when + p {
    margin-top: 0;
  }
  [slot='graphic'] > p {
    margin: 0;
  }
  /* Before an interactive block's code loads (a moment, on first use), it shows its titles only, close
     to how it first renders, so the page hardly moves when it does. */
  :not(:defined) > [slot^='title-'] {
    display: block;
    padding: var(--micic-space-3, 0.75rem) var(--micic-space-4, 1rem);
    font-weight: 700;
  }
  :not(:defined) > [slot^='panel-'],
  :not(:defined) > [slot^='back-'] {
    display: none;
  }
  micic-accordion,
  micic-tabs,
  micic-process,
  micic-flashcards,
  micic-hotspots {
    display: block;
  }
  @media print {
    :not(:defined) > [slot] {
      display: block;
    }
    .block-callout,
    .block-quote,
    .block-figure,
    .block-timeline li {
      break-inside: avoid;
    }
  }
`;
