/**
 * Launch kinds the bench measures: a fresh start, and a walk through a package from its first page
 * to its last that leaves at the first page of each kind and comes back (resume, with the
 * suspend_data and location the course itself wrote). While walking it can drive every page
 * (checks, tasks, pre-test, every scenario path, several quiz attempts) and keeps the longest
 * suspend_data the course wrote.
 */
import type { Browser } from 'puppeteer-core';
import type { ViewKind } from './in-page.ts';
import { open, type LmsSpec, type Received } from './launch.ts';
import type { BenchServer } from './serve.ts';

export interface Row {
  launch: string;
  firstView: Received;
  firstPage: Received & { kind: ViewKind };
}

export interface Where {
  browser: Browser;
  server: BenchServer;
  dist: string;
}

export interface Drive {
  /** Plays of each scenario: its longest paths (hundreds of paths each: all would take minutes). */
  plays: number;
  quizAttempts: number;
  /** Per scenario driven: "<plays> of <paths>". */
  played: string[];
}

/** One launch: open, measure, leave. */
export async function fresh(where: Where, launch: string, path: string, options: { lms?: LmsSpec; navigatorLanguage?: string } = {}): Promise<Row> {
  const session = await open(where.browser, where.server, where.dist, path, options);
  const errors = session.errors;
  await session.end();
  if (errors.length) throw new Error(`${launch}: page errors: ${errors.join('; ')}`);
  return { launch, firstView: session.firstView, firstPage: session.firstPage };
}

const RESUMED: ViewKind[] = ['text', 'check', 'scenario', 'quiz', 'card'];

/**
 * From a fresh start to the last page; at the first page of each kind (a text page after the first)
 * the learner leaves and launches again, resuming there. Returns the rows and the longest suspend_data.
 */
export async function walk(where: Where, launch: string, path: string, lms: LmsSpec, drive?: Drive): Promise<{ rows: Row[]; longestSuspendData: number }> {
  let session = await open(where.browser, where.server, where.dist, path, { lms });
  const rows: Row[] = [{ launch: `${launch}, fresh start`, firstView: session.firstView, firstPage: session.firstPage }];
  const resumed = new Set<ViewKind>();
  let longest = 0;
  const fail = (what: string) => new Error(`${launch}: ${what}`);
  for (let index = 0; ; index++) {
    let { kind, title } = await session.run((bench) => bench.where());
    // In a course, Next from a module's last page opens the next module's landing: go on into it.
    if (kind === 'home') ({ kind, title } = await session.run(async (bench) => (await bench.continue(), bench.where())));
    if (!kind || kind === 'home') throw fail(`no page shown at step ${index} (${title})`);
    if (!resumed.has(kind) && RESUMED.includes(kind) && (kind !== 'text' || index > 0)) {
      resumed.add(kind);
      const left = await session.end();
      if (session.errors.length) throw fail(`page errors: ${session.errors.join('; ')}`);
      longest = Math.max(longest, left.longestSuspendData);
      session = await open(where.browser, where.server, where.dist, path, { lms: { ...lms, saved: left.saved } });
      const back = await session.run((bench) => bench.where());
      if (back.title !== title) throw fail(`resumed on "${back.title}", left on "${title}"`);
      rows.push({ launch: `${launch}, resume on ${kind}`, firstView: session.firstView, firstPage: session.firstPage });
    }
    if (drive) {
      const started = performance.now();
      if (kind === 'text' || kind === 'check') await session.run((bench) => bench.doPage());
      if (kind === 'scenario') {
        const { played, paths } = await session.run<{ played: number; paths: number }>(`(bench) => bench.playLongestPaths(${drive.plays})`);
        drive.played.push(`${played} of ${paths}`);
      }
      if (kind === 'quiz') await session.run(`(bench) => bench.takeQuiz(${drive.quizAttempts})`);
      if (process.env.BENCH_VERBOSE) process.stderr.write(`${launch} ${index} ${kind}: ${Math.round(performance.now() - started)} ms\n`);
    }
    if (!(await session.run((bench) => bench.next()))) break;
  }
  const left = await session.end();
  if (session.errors.length) throw fail(`page errors: ${session.errors.join('; ')}`);
  return { rows, longestSuspendData: Math.max(longest, left.longestSuspendData) };
}
