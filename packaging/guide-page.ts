/** The facilitator guide's printable page: document frame and styles for screen, A4 and Letter. */
import type { Language } from '../src/content/schema.ts';

const STYLE = `
  body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif; color: #1b1f24; line-height: 1.45; margin: 0; font-size: 11pt; }
  main { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
  h1 { font-size: 1.7rem; } h2 { font-size: 1.4rem; border-top: 3px solid #0b5cad; padding-top: 0.75rem; margin-top: 2.5rem; }
  h3 { font-size: 1.15rem; margin-top: 1.4rem; } h4 { font-size: 1rem; margin: 0.9rem 0 0.3rem; } h5 { font-size: 0.95rem; margin: 0.5rem 0 0.2rem; }
  table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #c5ccd3; padding: 0.3rem 0.5rem; text-align: start; vertical-align: top; }
  td.time { white-space: nowrap; width: 7.5rem; }
  dt { font-weight: 700; margin-top: 0.5rem; } dd { margin-inline-start: 1rem; }
  .meta { color: #4a5560; font-size: 0.92em; } .prompt { font-weight: 600; margin-bottom: 0.2rem; }
  ol.answers li { margin-bottom: 0.75rem; } ol.answers p { margin: 0.15rem 0; }
  .activity { border-inline-start: 4px solid #0b5cad; padding: 0.1rem 0 0.1rem 0.8rem; margin: 1rem 0; }
  .activity h4 { margin-top: 0.2rem; } .activity p { margin: 0.25rem 0; }
  .say { background: #eef4fb; padding: 0.35rem 0.6rem; border-radius: 4px; font-style: italic; }
  .unconfirmed { font-style: italic; }
  .map-and-debrief { display: grid; gap: 0.5rem 1.25rem; margin: 1rem 0; }
  .map-and-debrief figure { margin: 0; overflow-x: auto; } .map-and-debrief svg { display: block; max-width: 100%; height: auto; margin-bottom: 0.5rem; }
  .map-and-debrief aside { background: #f4f6f8; border-radius: 4px; padding: 0.3rem 0.8rem; }
  .map-and-debrief aside h4 { margin-top: 0.4rem; }
  @media (min-width: 80rem) { main { max-width: 72rem; } .map-and-debrief { grid-template-columns: minmax(672px, 3fr) minmax(14rem, 1fr); align-items: start; } }
  .replication .field { border: 1px solid #8a949e; border-radius: 4px; padding: 0.25rem 0.6rem 0; margin-bottom: 0.5rem; }
  .replication .field h3 { font-size: 0.95rem; margin: 0.15rem 0; }
  .replication .write { height: 3.2rem; }
  .print-note { color: #4a5560; }
  /* The contents' links are at least 24 px tall (WCAG 2.2 target size). */
  nav li { margin: 0.2rem 0; } nav a { display: inline-block; padding: 0.2rem 0; }
  @page { margin: 16mm; }
  @media print {
    body { font-size: 10pt; } main { max-width: none; padding: 0; } .print-note, nav { display: none; }
    h2, section.replication { break-before: page; margin-top: 0; } h3, h4, h5, dt { break-after: avoid; }
    li, tr, dd, .activity, .field, .map-and-debrief aside { break-inside: avoid; }
    /* A map may take several printed pages (each part at full width, labels ≥ 9 pt): its parts do not split, and its debrief questions follow it. */
    .map-and-debrief figure { overflow: visible; } .map-and-debrief svg { break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
    .replication .write { height: 1.9rem; } .replication .field { margin-bottom: 0.35rem; }
  }
`;

export function guidePage(language: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
