/**
 * npm run traceability: prints which objectives, pages, questions and decisions cover each MICIC
 * Guideline and Principle, the gaps against the coverage minimums, and the item-writing figures
 * of every quiz bank and scenario (src/content/item-writing.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCourse } from '../src/content/loader.ts';
import { bankFigures, ITEM_WRITING, scenarioFigures } from '../src/content/item-writing.ts';
import { quizFileSchema, scenarioFileSchema } from '../src/content/schema.ts';
import { parseYaml, validateYaml } from '../src/content/yaml-source.ts';
import { coverageGaps, PRINCIPLES_PENDING, principleTraceability, traceability, traceabilityMarkdown } from '../packaging/traceability.ts';

const root = join(import.meta.dirname, '..');
const { index, contents } = loadCourse(root);
const english = (moduleId: string) => contents.get(`${moduleId}.en`)!;
const rows = traceability(index, english);
const principles = principleTraceability(index, english);
console.log(traceabilityMarkdown(rows, principles));
const gaps = coverageGaps(rows, principles, index);
console.log(gaps.length ? `Gaps:\n${gaps.map((g) => `- ${g}`).join('\n')}` : 'Every Guideline and every confirmed Principle meets the coverage minimums.');
console.log(`Principles pending (wording not confirmed in the brief): ${PRINCIPLES_PENDING.join(', ')}`);

const pct = (n: number, d: number) => (d ? `${Math.round((100 * n) / d)} %` : '-');
const read = (file: string) => {
  const parsed = parseYaml(file, readFileSync(join(root, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.source;
};
console.log('\n## Item writing\n');
console.log(`Thresholds: true keys ${pct(ITEM_WRITING.trueShare.min, 1)}-${pct(ITEM_WRITING.trueShare.max, 1)}; longest (or shortest) option is a key in at most ${pct(ITEM_WRITING.longestKeyMax, 1)} of choice questions, neither in at most ${pct(ITEM_WRITING.betweenKeyMax, 1)}; applied at least ${pct(ITEM_WRITING.minAppliedShare, 1)}; best scenario choice longest, or shortest, in at most ${pct(ITEM_WRITING.scenarioLongestBestMax, 1)} of scenes, neither in at most ${pct(ITEM_WRITING.scenarioBetweenBestMax, 1)}.\n`);
console.log('| Quiz | Questions | True/false keyed true | Longest option is a key (en / es) | Shortest option is a key (en / es) | Neither (en / es) | Applied |');
console.log('|---|---|---|---|---|---|---|');
for (const folder of index.modules.map((m) => m.folder)) {
  const file = `modules/${folder}/quiz.yaml`;
  const result = validateYaml(read(file), quizFileSchema);
  if (!result.ok) continue;
  const f = bankFigures(result.value.questions);
  console.log(
    `| ${file} | ${f.questions} | ${f.trueFalse.keyedTrue} of ${f.trueFalse.total} (${pct(f.trueFalse.keyedTrue, f.trueFalse.total)}) | ${f.longestKey.en} / ${f.longestKey.es} of ${f.choice} | ${f.shortestKey.en} / ${f.shortestKey.es} of ${f.choice} | ${f.betweenKey.en} / ${f.betweenKey.es} of ${f.choice} | ${f.applied} (${pct(f.applied, f.questions)}) |`,
  );
}
console.log('\n| Scenario | Scenes | Best choice is the longest (en / es) | the shortest (en / es) | neither (en / es) |');
console.log('|---|---|---|---|---|');
for (const folder of index.modules.map((m) => m.folder)) {
  const dir = `modules/${folder}/scenarios`;
  for (const name of readdirSync(join(root, dir)).filter((n) => n.endsWith('.yaml')).sort()) {
    const file = `${dir}/${name}`;
    const result = validateYaml(read(file), scenarioFileSchema);
    if (!result.ok) continue;
    const f = scenarioFigures(result.value);
    const cell = (c: { en: number; es: number }) => `${c.en} / ${c.es} (${pct(c.en, f.scenes)} / ${pct(c.es, f.scenes)})`;
    console.log(`| ${file} | ${f.scenes} | ${cell(f.longestBest)} | ${cell(f.shortestBest)} | ${cell(f.betweenBest)} |`);
  }
}
