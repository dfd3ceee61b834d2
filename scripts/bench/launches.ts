/**
 * Every launch kind of a built course, measured in one Chromium: each module package (SCORM 1.2)
 * walked and driven in English (fresh start, resume on each page kind, the longest suspend_data),
 * each module in Spanish (the learner's LMS language preference), the heaviest module walked in
 * Spanish too, a SCORM 2004 module, the multi-SCO course, the single-SCO course (walked and driven
 * through every module) and the web build with no LMS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackageCatalogue } from '../../packaging/build-packages.ts';
import type { CourseIndex } from '../../src/content/schema.ts';
import { launchChromium } from './launch.ts';
import { serve } from './serve.ts';
import { fresh, walk, type Drive, type Row, type Where } from './walk.ts';

export interface Measured {
  rows: Row[];
  /** Longest suspend_data written, per module package and for the single-SCO course. */
  suspendData: Array<{ scope: string; longest: number; plays: number }>;
}

type Package = PackageCatalogue['packages'][number];

export interface Plan {
  /** Walk every module package (false: fresh starts only, for the growth fixture). */
  walks: boolean;
  drive?: Drive;
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
  try {
    // The module packages and the single-SCO course are walked side by side (each in its own context).
    const modules = course.modules.map(async (module) => {
      const pkg = find('1.2', 'module', module.id);
      const name = `module ${module.number} (${module.id}), 1.2`;
      if (!plan.walks) return void rows.push(await fresh(where, `${name} en, fresh start`, pathOf(pkg), { lms: lmsFor(pkg, module.id) }));
      const drive = plan.drive && { ...plan.drive };
      const walked = await walk(where, `${name} en`, pathOf(pkg), lmsFor(pkg, module.id), drive);
      rows.push(...walked.rows);
      suspendData.push({ scope: `module ${module.number} (${module.id}) package`, longest: walked.longestSuspendData, plays: drive?.plays ?? 0 });
      rows.push(await fresh(where, `${name} es, fresh start`, pathOf(pkg), { lms: lmsFor(pkg, module.id, 'es') }));
    });
    const single = find('1.2', 'course-single-sco');
    const wholeCourse = (async () => {
      if (!plan.walks) return void rows.push(await fresh(where, 'single-SCO course, 1.2 en, fresh start', pathOf(single), { lms: lmsFor(single, single.scos[0]!.id) }));
      const drive = plan.drive && { ...plan.drive };
      const walked = await walk(where, 'single-SCO course, 1.2 en', pathOf(single), lmsFor(single, single.scos[0]!.id), drive);
      rows.push(...walked.rows);
      suspendData.push({ scope: 'whole course, single SCO', longest: walked.longestSuspendData, plays: drive?.plays ?? 0 });
    })();
    await Promise.all([...modules, wholeCourse]);
    if (!plan.walks) return { rows, suspendData };
    // The heaviest module in English, walked again in Spanish.
    const heaviest = rows.filter((r) => r.launch.startsWith('module ')).sort((a, b) => b.firstPage.code - a.firstPage.code)[0]!;
    const heavy = course.modules.find((m) => heaviest.launch.includes(`(${m.id})`))!;
    const heavyPkg = find('1.2', 'module', heavy.id);
    rows.push(...(await walk(where, `module ${heavy.number} (${heavy.id}), 1.2 es`, pathOf(heavyPkg), lmsFor(heavyPkg, heavy.id, 'es'))).rows);
    const first = course.modules[0]!;
    const pkg2004 = find('2004', 'module', first.id);
    rows.push(await fresh(where, `module ${first.number} (${first.id}), 2004 en, fresh start`, pathOf(pkg2004), { lms: lmsFor(pkg2004, first.id) }));
    const multi = find('1.2', 'course');
    for (const module of course.modules) {
      rows.push(await fresh(where, `multi-SCO course, 1.2, SCO ${module.number} en, fresh start`, pathOf(multi, module.id), { lms: lmsFor(multi, module.id) }));
    }
    const last = course.modules.at(-1)!;
    rows.push(await fresh(where, `multi-SCO course, 1.2, SCO ${last.number} es, fresh start`, pathOf(multi, last.id), { lms: lmsFor(multi, last.id, 'es') }));
    rows.push(await fresh(where, 'single-SCO course, 1.2 es, fresh start', pathOf(single), { lms: lmsFor(single, single.scos[0]!.id, 'es') }));
    rows.push(await fresh(where, 'web build (no LMS) en, fresh start', '/web/index.html'));
    rows.push(await fresh(where, 'web build (no LMS) es (browser language), fresh start', '/web/index.html', { navigatorLanguage: 'es' }));
    return { rows, suspendData };
  } finally {
    await browser.close();
    server.close();
  }
}
