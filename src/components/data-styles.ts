import { css } from 'lit';

/** Tables of results (workshop card, class view) and the outlined secondary button. */
export const dataStyles = css`
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    border-bottom: 1px solid var(--micic-border);
    padding: 0.3rem 0.4rem;
    text-align: start;
    vertical-align: top;
  }
  button.outline {
    border: 2px solid var(--micic-accent);
    background: var(--micic-surface);
    color: var(--micic-accent);
    padding: 0.3rem 1rem;
  }
`;
