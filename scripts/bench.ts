/**
 * npm run bench: builds the course (timed as a whole), then launches every kind of package in
 * Debian's headless Chromium and prints what the browser received before the learner saw the
 * first view (home or landing: the budget, 40 KB) and the first content page (after
 * Start/Continue), gzip -9 of the JavaScript and CSS, worst first; the longest suspend_data the course wrote while
 * driven through every page, the longest paths of each scenario and several quiz attempts; zip sizes; and the growth
 * figures of a generated nine-module course. Figures only: nothing here fails on a time.
 *   BENCH_GROWTH=0 skips the nine-module build; BENCH_VERBOSE=1 prints each driven page.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { growthFixture } from './bench/fixture.ts';
import { measureLaunches, type Measured } from './bench/launches.ts';
import type { Row } from './bench/walk.ts';

const root = join(import.meta.dirname, '..');
const BUDGET = 40 * 1024;
const ZIP_BUDGET = 600 * 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** `npm run build` (the course, its packages and the preview LMS): its wall time in seconds, and how its guide PDFs were made. */
function build(env: Record<string, string> = {}): { seconds: number; pdfs: string } {
  const started = performance.now();
  const run = spawnSync('npm', ['run', 'build'], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(`${run.stdout}\n${run.stderr}`);
    process.exit(run.status ?? 1);
  }
  const pdfs = /facilitator guides in PDF: (\d+) printed, (\d+) unchanged/.exec(run.stdout);
  return { seconds: (performance.now() - started) / 1000, pdfs: pdfs ? `guide PDFs: ${pdfs[1]} printed, ${pdfs[2]} from the cache` : 'no guide PDFs' };
}

/**
 * The budget is judged at the first view (the course home or the module's landing: the first page
 * a launch renders, resuming or not). The first content page, after Start/Continue, is shown
 * beside it: in all, and what the click added.
 */
function table(rows: Row[]): string[] {
  const sorted = [...rows].sort((a, b) => b.firstView.code - a.firstView.code || b.firstPage.code - a.firstPage.code);
  const lines = [
    '| launch | first view (home/landing) rendered | budget 40 KB | then first content page rendered | added by Start/Continue | page kind | requests |',
    '|---|---:|---|---:|---:|---|---:|',
  ];
  for (const row of sorted) {
    const view = row.firstView.code;
    lines.push(
      `| ${row.launch} | ${kb(view)} | ${view <= BUDGET ? 'within' : `OVER by ${kb(view - BUDGET)}`} | ${kb(row.firstPage.code)} | ${kb(row.firstPage.code - view)} | ${row.firstPage.kind} | ${row.firstPage.requests} |`,
    );
  }
  return lines;
}

function zips(dist: string): Array<[string, number]> {
  const names = [...readdirSync(dist).filter((f) => f.endsWith('.zip')), ...readdirSync(join(dist, 'static')).map((f) => `static/${f}`)];
  return names.sort().map((name) => [name, statSync(join(dist, name)).size]);
}

const lines: string[] = [];
const print = (line = '') => {
  lines.push(line);
  console.log(line);
};
const dist = join(root, 'dist');
const built = build();
print(`npm run build (course, packages, guides, preview LMS), wall time: ${built.seconds.toFixed(1)} s (${built.pdfs})`);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 3);
const measured: Measured = await measureLaunches(root, dist, { walks: true, drive: { plays: 6, quizAttempts: 3 }, concurrency: CONCURRENCY });
print();
print('What Chromium received before each view rendered: gzip -9 of JavaScript and CSS (HTML apart), worst first.');
print('Rendered: the view\'s h1 is in its shadow DOM, the tab title names it, and every knowledge check on it shows its question.');
table(measured.rows).forEach((line) => print(line));
const over = measured.rows.filter((r) => r.firstView.code > BUDGET).length;
print(`${measured.rows.length} launches, ${over} over the 40 KB budget at their first view; the launch page's HTML (${kb(measured.rows[0]?.firstView.html ?? 0)}) apart.`);
print();
print('suspend_data: the longest the course wrote while driven through every page (checks, written tasks at full length, pre-test),');
print('the longest paths of each scenario (plays of paths) and several quiz attempts with random answers:');
for (const s of measured.suspendData.sort((a, b) => a.scope.localeCompare(b.scope))) {
  print(`  ${s.scope}: ${s.longest} characters (aim < ${s.scope.startsWith('whole') ? '3000' : '1000'}; SCORM 1.2 allows 4096); scenarios ${s.played.join(', ')}; ${s.quizAttempts} attempts per quiz`);
}
print();
for (const [name, size] of zips(dist)) print(`zip ${name}: ${kb(size)}${size > ZIP_BUDGET ? ' (OVER the 600 KB budget)' : ''}`);

if (process.env.BENCH_GROWTH !== '0') {
  // Growth: the same measures on nine modules (each real module copied twice under new ids).
  const fixture = growthFixture(root);
  const grownDist = join(fixture.dir, 'dist');
  try {
    const grownBuild = build({ MICIC_CONTENT_ROOT: fixture.dir, MICIC_DIST: grownDist });
    const grown = await measureLaunches(root, grownDist, { walks: false, concurrency: CONCURRENCY });
    const pick = (rows: Row[], launch: RegExp) => rows.find((r) => launch.test(r.launch))!;
    print();
    print(`Growth: ${fixture.modules} modules (generated) against the real 3.`);
    print(`npm run build at ${fixture.modules} modules, wall time: ${grownBuild.seconds.toFixed(1)} s (${grownBuild.pdfs}; 3 modules: ${built.seconds.toFixed(1)} s; aim ≤ 15 s)`);
    for (const [label, start] of [['module 1 launch', /^module 1 .*1\.2 en, fresh start$/], ['whole-course start (single SCO)', /^single-SCO course, 1\.2 en, fresh start$/]] as const) {
      const [three, nine] = [pick(measured.rows, start), pick(grown.rows, start)];
      const delta = (a: number, b: number) => `${b - a >= 0 ? '+' : ''}${((b - a) / 1024).toFixed(2)} KB`;
      print(`${label}, home/landing: ${kb(three.firstView.code)} at 3 modules, ${kb(nine.firstView.code)} at ${fixture.modules} (${delta(three.firstView.code, nine.firstView.code)}); first page: ${kb(three.firstPage.code)} → ${kb(nine.firstPage.code)} (${delta(three.firstPage.code, nine.firstPage.code)})`);
    }
    for (const [name, size] of zips(grownDist)) if (!/module[4-9]/.test(name)) print(`zip at ${fixture.modules} modules ${name}: ${kb(size)}`);
  } finally {
    rmSync(fixture.dir, { recursive: true, force: true });
  }
}
