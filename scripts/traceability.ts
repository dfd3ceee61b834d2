/** npm run traceability: prints which objectives, pages, questions and decisions cover each MICIC guideline. */
import { join } from 'node:path';
import { loadCourse } from '../src/content/loader.ts';
import { coverageGaps, traceability, traceabilityMarkdown } from '../packaging/traceability.ts';

const { index, contents } = loadCourse(join(import.meta.dirname, '..'));
const rows = traceability(index, (moduleId) => contents.get(`${moduleId}.en`)!);
console.log(traceabilityMarkdown(rows));
const gaps = coverageGaps(rows);
console.log(gaps.length ? `Gaps:\n${gaps.map((g) => `- ${g}`).join('\n')}` : 'Every guideline is taught on a page and tested by a question or a decision.');
