import { css } from 'lit';

/** The framed box of practice inside a page: knowledge checks and written tasks. */
export const practiceFrame = css`
  :host {
    display: block;
    margin: 1.5rem 0;
  }
  section {
    border: 2px solid var(--micic-accent);
    border-radius: var(--micic-radius);
    padding: 0.75rem 1rem;
  }
  h2,
  h3 {
    font-size: 1rem;
    margin: 0 0 0.5rem;
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
