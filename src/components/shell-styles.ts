import { css } from 'lit';

/**
 * The course frame's layout. Phones (below 56rem): one compact header line (contents button,
 * where you are, menu), the contents as a drawer and the tools in a menu, so the page title is
 * on screen without scrolling. Wider screens: contents as a sidebar, tools in the header.
 */
export const shellStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--micic-surface);
  }
  .skip {
    position: absolute;
    inset-inline-start: 0.5rem;
    top: -4rem;
    background: var(--micic-surface);
    color: var(--micic-accent);
    border: 2px solid var(--micic-accent);
    padding: var(--micic-space-2) var(--micic-space-4);
    z-index: 30;
  }
  .skip:focus {
    top: 0.5rem;
  }
  header {
    position: relative;
    display: flex;
    gap: var(--micic-space-2);
    align-items: center;
    background: var(--micic-accent);
    color: var(--micic-accent-ink);
    padding: var(--micic-space-1) var(--micic-space-2);
  }
  /* Phones: course and module as two short lines beside the buttons, each cut with an ellipsis. */
  .where {
    margin: 0;
    flex: 1 1 auto;
    min-width: 0;
    font-weight: 700;
    font-size: var(--micic-text-sm);
    line-height: 1.3;
  }
  .where > span {
    display: block;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .where .module {
    font-weight: 400;
  }
  .where .long {
    display: none;
  }
  header button {
    border: 1px solid var(--micic-accent-ink);
    background: transparent;
    color: var(--micic-accent-ink);
    padding: var(--micic-space-1) var(--micic-space-3);
    flex: 0 0 auto;
  }
  header button[aria-expanded='true'] {
    background: var(--micic-accent-ink);
    color: var(--micic-accent);
  }
  .tools {
    display: none;
    position: absolute;
    inset-inline-end: 0.5rem;
    top: 100%;
    z-index: 20;
    flex-direction: column;
    align-items: stretch;
    gap: var(--micic-space-2);
    background: var(--micic-accent);
    padding: var(--micic-space-3);
    border-radius: 0 0 var(--micic-radius) var(--micic-radius);
    box-shadow: var(--micic-shadow-lg);
  }
  .tools[data-open='true'] {
    display: flex;
  }
  .notices {
    padding: 0 var(--micic-space-4);
    margin-top: var(--micic-space-2);
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
  }
  nav.contents {
    display: none;
  }
  nav.contents[data-open='true'] {
    display: block;
    position: fixed;
    inset: 0 auto 0 0;
    width: min(22rem, 88vw);
    overflow-y: auto;
    z-index: 25;
    background: var(--micic-panel);
    padding: var(--micic-space-2) var(--micic-space-4) var(--micic-space-4);
    box-shadow: var(--micic-shadow-lg);
  }
  .backdrop {
    position: fixed;
    inset: 0;
    z-index: 24;
    background: var(--micic-backdrop);
    border: 0;
  }
  .drawer-head {
    display: flex;
    justify-content: flex-end;
  }
  .close-contents {
    border: 1px solid var(--micic-ink);
    background: var(--micic-surface);
    color: var(--micic-ink);
    padding: var(--micic-space-1) var(--micic-space-3);
  }
  .loading {
    margin: 0;
    padding: var(--micic-space-4);
  }
  main {
    padding: var(--micic-space-3) var(--micic-space-4) var(--micic-space-4);
    min-width: 0;
  }
  main:focus {
    outline: none;
  }
  .pager {
    display: grid;
    grid-template-columns: 1fr 1fr;
    grid-template-areas: 'progress progress' 'previous next';
    gap: var(--micic-space-4);
    align-items: center;
    max-width: 46rem;
    margin-top: var(--micic-space-6);
    padding-top: var(--micic-space-4);
    border-top: 1px solid var(--micic-border);
  }
  .pager button {
    border: 2px solid var(--micic-accent);
    padding: 0.4rem 1rem;
  }
  .pager micic-progress-meter {
    grid-area: progress;
  }
  .pager .previous {
    grid-area: previous;
    justify-self: start;
    background: var(--micic-surface);
    color: var(--micic-accent);
  }
  .pager .next {
    grid-area: next;
    justify-self: end;
    background: var(--micic-accent);
    color: var(--micic-accent-ink);
  }
  .pager button[aria-disabled='true'] {
    border-color: var(--micic-border);
    background: var(--micic-panel);
    color: var(--micic-muted);
    cursor: not-allowed;
  }
  .complete {
    color: var(--micic-success);
    font-weight: 700;
  }
  /* While a page is still drawing its parts (page-parts.ts), what follows it waits unseen: shown,
     it would move down as each part arrives. */
  micic-page-view[drawing] ~ * {
    visibility: hidden;
  }
  /* Printing (the workshop card) keeps only the page itself. */
  @media print {
    header,
    nav.contents,
    .backdrop,
    .notices,
    .pager,
    .complete,
    .skip {
      display: none !important;
    }
    .layout {
      display: block;
    }
    main {
      padding: 0;
    }
  }
  @media (min-width: 40rem) {
    .pager {
      grid-template-columns: auto 1fr auto;
      grid-template-areas: 'previous progress next';
    }
  }
  @media (min-width: 56rem) {
    header {
      padding: var(--micic-space-2) var(--micic-space-4);
      gap: var(--micic-space-4);
    }
    .where {
      font-size: var(--micic-text-base);
    }
    .where > span {
      white-space: normal;
    }
    .where .long {
      display: block;
    }
    .where .short,
    .menu-toggle,
    .toggle,
    .backdrop,
    .drawer-head {
      display: none;
    }
    .where .module {
      font-size: var(--micic-text-sm);
    }
    .tools,
    .tools[data-open='true'] {
      display: flex;
      position: static;
      flex-direction: row;
      flex-wrap: wrap;
      justify-content: flex-end;
      align-items: center;
      padding: 0;
      box-shadow: none;
    }
    .layout {
      grid-template-columns: 18rem minmax(0, 1fr);
    }
    nav.contents,
    nav.contents[data-open='true'] {
      display: block;
      position: static;
      width: auto;
      box-shadow: none;
      z-index: auto;
      background: var(--micic-panel);
      border-inline-end: 1px solid var(--micic-border);
      min-height: calc(100vh - 4rem);
      padding: var(--micic-space-3) var(--micic-space-4);
    }
    main {
      padding: 1.5rem 2.5rem;
    }
  }
`;
