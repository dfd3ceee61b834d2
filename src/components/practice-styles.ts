import { css } from 'lit';

/** The framed box of practice inside a page: knowledge checks and written tasks. */
export const practiceFrame = css`
  :host {
    display: block;
    margin: var(--micic-space-5) 0;
  }
  section {
    border: 2px solid var(--micic-accent);
    border-radius: var(--micic-radius);
    padding: var(--micic-space-3) var(--micic-space-4);
  }
  h2,
  h3 {
    font-size: var(--micic-text-base);
    margin: 0 0 var(--micic-space-2);
    color: var(--micic-accent);
  }
  button {
    border: 2px solid var(--micic-accent);
    background: var(--micic-surface);
    color: var(--micic-accent);
    padding: 0.3rem 1rem;
  }
  .missing {
    color: var(--micic-error);
    font-weight: 700;
  }
`;
