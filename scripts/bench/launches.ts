/**
 * Every launch kind of a built course, measured in one Chromium: each module package (SCORM 1.2)
 * walked and driven in English (fresh start, resume on each page kind, the longest suspend_data),
 * each module in Spanish (the learner's LMS language preference), the heaviest module walked in
 * Spanish too, a SCORM 2004 module, the multi-SCO course, the single-SCO course (walked and driven
 * through every module) and the web build with no LMS.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { PackageCatalogue } from '../../packaging/build-packages.ts';
import type { CourseIndex } from '../../src/content/schema.ts';
import { launchChromium, type LmsSpec } from './launch.ts';
import { serve } from './serve.ts';
import { fresh, walk, type Drive, type Row, type Where } from './walk.ts';

export interface Measured {
  rows: Row[];
  /** Longest suspend_data written, per module package and for the single-SCO course. */
  suspendData: Array<{ scope: string; longest: number; played: string[]; quizAttempts: number }>;
}

type Package = PackageCatalogue['packages'][number];

export interface Plan {
  /** Walk the packages (false: fresh starts only, for the growth fixture). */
  walks: boolean;
  drive?: Omit<Drive, 'played'>;
  /** Launches at once (each in its own browser context). */
  concurrency: number;
}

/** Runs the jobs, `concurrency` at a time. */
async function pool(jobs: Array<() => Promise<void>>, concurrency: number): Promise<void> {
  const queue = [...jobs];
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  }));
}

export async function measureLaunches(root: string, dist: string, plan: Plan): Promise<Measured> {
  const read = <T>(file: string) => JSON.parse(readFileSync(join(dist, file), 'utf8')) as T;
  const course = read<CourseIndex>('course-index.json');
  const { packages } = read<PackageCatalogue>('packages.json');
  const server = await serve(dist, root);
  const browser = await launchChromium();
  const where: Where = { browser, server, dist };
  const find = (version: '1.2' | '2004', kind: Package['kind'], moduleId?: string) => packages.find((p) => p.version === version && p.kind === kind && p.moduleId === moduleId)!;
  const lmsFor = (pkg: Package, scoId: string, learnerLanguage?: string) => {
    const mastery = pkg.scos.find((s) => s.id === scoId)?.masteryScore;
    return { version: pkg.version, learnerLanguage, masteryScore: mastery === undefined ? undefined : pkg.version === '1.2' ? mastery : mastery / 100 };
  };
  const pathOf = (pkg: Package, scoId?: string) => `/${pkg.folder}/${(scoId ? pkg.scos.find((s) => s.id === scoId)! : pkg.scos[0]!).href}`;
  const rows: Row[] = [];
  const suspendData: Measured['suspendData'] = [];
  const single = find('1.2', 'course-single-sco');
  const multi = find('1.2', 'course');
  const jobs: Array<() => Promise<void>> = [];
  const driven = async (scope: string, launch: string, path: string, lms: LmsSpec) => {
    const drive = plan.drive && { ...plan.drive, played: [] };
    const walked = await walk(where, launch, path, lms, drive);
    rows.push(...walked.rows);
    if (drive) suspendData.push({ scope, longest: walked.longestSuspendData, played: drive.played, quizAttempts: drive.quizAttempts });
  };
  const once = (launch: string, path: string, options: Parameters<typeof fresh>[3]) => jobs.push(async () => void rows.push(await fresh(where, launch, path, options)));
  // The longest job first: the whole course, driven.
  if (plan.walks) jobs.push(() => driven('whole course, single SCO', 'single-SCO course, 1.2 en', pathOf(single), lmsFor(single, single.scos[0]!.id)));
  else once('single-SCO course, 1.2 en, fresh start', pathOf(single), { lms: lmsFor(single, single.scos[0]!.id) });
  // The module whose Spanish texts weigh most is walked in Spanish too.
  const contentDir = join(dist, 'web/assets/content');
  const weight = (id: string) => readdirSync(contentDir).filter((f) => f.startsWith(`${id}.es.`)).reduce((sum, f) => sum + gzipSync(readFileSync(join(contentDir, f))).length, 0);
  const heaviest = [...course.modules].sort((a, b) => weight(b.id) - weight(a.id))[0]!;
  for (const module of course.modules) {
    const pkg = find('1.2', 'module', module.id);
    const name = `module ${module.number} (${module.id}), 1.2`;
    if (!plan.walks) {
      once(`${name} en, fresh start`, pathOf(pkg), { lms: lmsFor(pkg, module.id) });
      continue;
    }
    jobs.push(() => driven(`module ${module.number} (${module.id}) package`, `${name} en`, pathOf(pkg), lmsFor(pkg, module.id)));
    if (module === heaviest) jobs.push(async () => void rows.push(...(await walk(where, `${name} es`, pathOf(pkg), lmsFor(pkg, module.id, 'es'))).rows));
    else once(`${name} es, fresh start`, pathOf(pkg), { lms: lmsFor(pkg, module.id, 'es') });
  }
  if (plan.walks) {
    const first = course.modules[0]!;
    const pkg2004 = find('2004', 'module', first.id);
    once(`module ${first.number} (${first.id}), 2004 en, fresh start`, pathOf(pkg2004), { lms: lmsFor(pkg2004, first.id) });
    for (const module of course.modules) once(`multi-SCO course, 1.2, SCO ${module.number} en, fresh start`, pathOf(multi, module.id), { lms: lmsFor(multi, module.id) });
    const last = course.modules.at(-1)!;
    once(`multi-SCO course, 1.2, SCO ${last.number} es, fresh start`, pathOf(multi, last.id), { lms: lmsFor(multi, last.id, 'es') });
    once('single-SCO course, 1.2 es, fresh start', pathOf(single), { lms: lmsFor(single, single.scos[0]!.id, 'es') });
    once('web build (no LMS) en, fresh start', '/web/index.html', {});
    once('web build (no LMS) es (browser language), fresh start', '/web/index.html', { navigatorLanguage: 'es' });
  }
  try {
    await pool(jobs, plan.concurrency);
    return { rows, suspendData };
  } finally {
    await browser.close();
    server.close();
  }
}
