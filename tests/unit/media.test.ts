/**
 * Images in pages: a figure with its size and caption when right; when wrong, the build fails
 * naming the Markdown file and line (or the media file) and the problem.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, type ContentProblem } from '../../src/content/errors.ts';
import { loadCourse } from '../../src/content/loader.ts';
import { rasterSize, svgSize } from '../../src/content/image-size.ts';
import { renderRaster } from '../../src/content/raster.ts';
import sharp from 'sharp';

const FIXTURE = join(import.meta.dirname, '../fixtures/valid-course');
const PAGE = 'modules/01-alpha/pages/details';
let root = '';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200"><rect width="400" height="200" fill="#0b5cad"/><text x="20" y="40">{{label}}</text></svg>';
const TEXT = 'text:\n  label: { en: "Phases", es: "Fases" }\n';
const CREDITS = 'credits:\n  - files: [01-alpha/media/phases.svg]\n    what: { en: A figure, es: Una figura }\n    credit: { en: Drawn for the test, es: Dibujada para la prueba }\n    licence: MIT\n';

/** A copy of the valid fixture with one translated SVG used on the "details" page in both languages. */
function courseWithFigure(markdown = '![Three phases in a row](media/phases.svg "The phases")'): string {
  root = mkdtempSync(join(tmpdir(), 'micic-media-'));
  cpSync(FIXTURE, root, { recursive: true });
  mkdirSync(join(root, 'modules/01-alpha/media'));
  writeFileSync(join(root, 'modules/01-alpha/media/phases.svg'), SVG);
  writeFileSync(join(root, 'modules/01-alpha/media/phases.text.yaml'), TEXT);
  writeFileSync(join(root, 'modules/media-credits.yaml'), CREDITS);
  for (const language of ['en', 'es']) {
    const path = join(root, `${PAGE}.${language}.md`);
    writeFileSync(path, readFileSync(path, 'utf8').replace('\n## ', `\n${markdown}\n\n## `));
  }
  return root;
}

function problemsOf(dir: string): ContentProblem[] {
  try {
    loadCourse(dir, 'modules', { assessmentRules: false });
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  throw new Error('expected the content to be rejected');
}

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = '';
});

describe('images in pages', () => {
  it('become figures with the language’s own SVG, its size, lazy loading and the caption', () => {
    const course = loadCourse(courseWithFigure(), 'modules', { assessmentRules: false });
    const html = (language: string) => course.contents.get(`alpha.${language}`)!.pages[1]!.blocks.map((b) => ('html' in b ? b.html : '')).join('');
    expect(html('en')).toContain(
      '<figure class="figure"><div class="figure-frame"><img src="assets/media/alpha/phases.en.svg" alt="Three phases in a row" width="400" height="200" loading="lazy" decoding="async"></div>' +
        '<p class="figure-hint" aria-hidden="true">Scroll sideways to see the whole figure.</p><figcaption>The phases</figcaption></figure>',
    );
    expect(html('es')).toContain('<p class="figure-hint" aria-hidden="true">Desplácese hacia los lados para ver toda la figura.</p>');
    expect(html('es')).toContain('src="assets/media/alpha/phases.es.svg"');
    expect(String(course.media.get('assets/media/alpha/phases.es.svg'))).toContain('>Fases<');
    expect(String(course.media.get('assets/media/alpha/phases.en.svg'))).not.toContain('{{');
    expect(course.reference.get('es')!.credits).toEqual([{ what: 'Una figura', credit: 'Dibujada para la prueba', licence: 'MIT' }]);
  });

  it('allow empty alt text only for an image marked decorative', () => {
    const course = loadCourse(courseWithFigure('![](media/phases.svg "decorative")'), 'modules', { assessmentRules: false });
    const html = course.contents.get('alpha.en')!.pages[1]!.blocks.map((b) => ('html' in b ? b.html : '')).join('');
    expect(html).toContain('<div class="figure decorative"><img src="assets/media/alpha/phases.en.svg" alt=""');
  });

  it('reject missing alt text with the file and line', () => {
    const problems = problemsOf(courseWithFigure('![](media/phases.svg "The phases")'));
    expect(problems).toContainEqual({ file: `${PAGE}.en.md`, line: 5, message: expect.stringContaining('has no alt text') });
  });

  it('reject an image that does not exist', () => {
    const problems = problemsOf(courseWithFigure('![A chart](media/chart.svg)'));
    expect(problems).toContainEqual({ file: `${PAGE}.en.md`, line: 5, message: expect.stringContaining('does not exist (no file modules/01-alpha/media/chart.svg)') });
  });

  it('reject an image from outside the media folder, and one inside a sentence', () => {
    expect(problemsOf(courseWithFigure('![A chart](https://example.org/chart.png)'))).toContainEqual(
      expect.objectContaining({ file: `${PAGE}.en.md`, line: 5, message: expect.stringContaining('must be "media/<name>.svg"') }),
    );
    expect(problemsOf(courseWithFigure('See ![A chart](media/phases.svg) here.'))).toContainEqual(
      expect.objectContaining({ file: `${PAGE}.en.md`, line: 5, message: expect.stringContaining('paragraph of its own') }),
    );
  });

  it('reject an image over its size budget', () => {
    const dir = courseWithFigure();
    const big = SVG.replace('</svg>', `${'<circle cx="1" cy="1" r="1" fill="#123456"/>'.repeat(1200)}</svg>`);
    let n = 0;
    // Distinct circles, so the optimiser cannot merge them away.
    const distinct = big.replace(/<circle cx="1" cy="1"/g, () => `<circle cx="${(n * 37) % 400}" cy="${(n++ * 53) % 200}"`);
    writeFileSync(join(dir, 'modules/01-alpha/media/phases.svg'), distinct);
    expect(problemsOf(dir)).toContainEqual(expect.objectContaining({ file: `${PAGE}.en.md`, line: 5, message: expect.stringMatching(/after optimisation, over the 40\.0 KB budget/) }));
  });

  it('reject figure text that would read under 12 px on a phone (figures never shrink under 480 px) or a wide screen', () => {
    const dir = courseWithFigure();
    const svg = join(dir, 'modules/01-alpha/media/phases.svg');
    writeFileSync(svg, SVG.replace('viewBox="0 0 400 200"', 'viewBox="0 0 560 200"').replace('<text x="20" y="40">', '\n<text x="20" y="40" font-size="13">'));
    expect(problemsOf(dir)).toContainEqual(
      expect.objectContaining({ file: `${PAGE}.en.md`, line: 5, message: 'modules/01-alpha/media/phases.svg:2 has text of font-size 13 in a figure 560 wide: it would show at 11.1 px on a phone (at least 12); use a font-size of 14 or more' }),
    );
    writeFileSync(svg, SVG.replace('<text x="20" y="40">', '<text x="20" y="40" style="font-size:11px">'));
    expect(problemsOf(dir)).toContainEqual(expect.objectContaining({ message: expect.stringContaining('has text of font-size 11 in a figure 400 wide: it would show at 11.0 px') }));
    writeFileSync(svg, SVG.replace('viewBox="0 0 400 200"', 'viewBox="0 0 560 200"').replace('<text x="20" y="40">', '<text x="20" y="40" font-size="14">'));
    expect(() => loadCourse(dir, 'modules', { assessmentRules: false })).not.toThrow();
  });

  it('reject words drawn into a figure instead of translated (numbers may stand)', () => {
    const dir = courseWithFigure();
    const svg = join(dir, 'modules/01-alpha/media/phases.svg');
    writeFileSync(svg, SVG.replace('</svg>', '<text x="20" y="90">2016</text>\n<text x="20" y="140">Guideline <tspan>{{label}}</tspan></text></svg>'));
    expect(problemsOf(dir)).toContainEqual(
      expect.objectContaining({ message: 'modules/01-alpha/media/phases.svg:2 has the words "Guideline" drawn in; write {{key}} and its text in phases.text.yaml (en and es), so each language shows its own' }),
    );
  });

  it('reject a placeholder with no translation, and a translation with no placeholder', () => {
    const dir = courseWithFigure();
    writeFileSync(join(dir, 'modules/01-alpha/media/phases.text.yaml'), 'text:\n  other: { en: "x", es: "y" }\n');
    expect(problemsOf(dir)).toContainEqual(expect.objectContaining({ file: `${PAGE}.en.md`, message: expect.stringContaining('has the placeholder "{{label}}" but modules/01-alpha/media/phases.text.yaml has no text "label"') }));
  });

  it('reject an SVG that would run script or fetch another file', () => {
    const dir = courseWithFigure();
    writeFileSync(join(dir, 'modules/01-alpha/media/phases.svg'), SVG.replace('<rect', '<image href="https://example.org/x.png"/><rect'));
    expect(problemsOf(dir)).toContainEqual(expect.objectContaining({ message: expect.stringContaining('holds a link to another file or address') }));
  });

  it('require a credit for every image, and only for images that exist', () => {
    const dir = courseWithFigure();
    writeFileSync(join(dir, 'modules/media-credits.yaml'), CREDITS.replace('01-alpha/media/phases.svg', '01-alpha/media/other.svg'));
    const problems = problemsOf(dir);
    expect(problems).toContainEqual({ file: 'modules/media-credits.yaml', line: 2, message: '"01-alpha/media/other.svg" is credited but there is no such image' });
    expect(problems).toContainEqual({ file: 'modules/media-credits.yaml', message: 'modules/01-alpha/media/phases.svg has no credit and licence; add it to a "files" list' });
  });

  it('reject an image no page uses', () => {
    const dir = courseWithFigure();
    writeFileSync(join(dir, 'modules/01-alpha/media/unused.svg'), SVG.replace('{{label}}', 'x'));
    expect(problemsOf(dir)).toContainEqual(expect.objectContaining({ file: 'modules/01-alpha/media/unused.svg', message: expect.stringContaining('not used by any page') }));
  });
});

/** A generated PNG: a gradient with a grid, so that resizing and compression have work to do. */
async function pngFixture(width: number, height: number, noise = false): Promise<Uint8Array> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      const line = x % 40 === 0 || y % 40 === 0;
      pixels[at] = noise ? Math.floor(Math.random() * 256) : line ? 255 : Math.round((x / width) * 255);
      pixels[at + 1] = noise ? Math.floor(Math.random() * 256) : line ? 255 : Math.round((y / height) * 255);
      pixels[at + 2] = noise ? Math.floor(Math.random() * 256) : 160;
    }
  }
  return new Uint8Array(await sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer());
}

describe('raster images in pages', () => {
  it('get their responsive widths (srcset), rendered by the build, with their own size written in', async () => {
    const dir = courseWithFigure('![A photo of a shelter](media/shelter.png "A shelter")');
    writeFileSync(join(dir, 'modules/01-alpha/media/shelter.png'), await pngFixture(1200, 600));
    writeFileSync(join(dir, 'modules/media-credits.yaml'), CREDITS.replace('01-alpha/media/phases.svg', '01-alpha/media/shelter.png'));
    rmSync(join(dir, 'modules/01-alpha/media/phases.svg'));
    rmSync(join(dir, 'modules/01-alpha/media/phases.text.yaml'));
    const course = loadCourse(dir, 'modules', { assessmentRules: false });
    const html = course.contents.get('alpha.es')!.pages[1]!.blocks.map((b) => ('html' in b ? b.html : '')).join('');
    const url = 'assets/media/alpha/';
    expect(html).toContain(
      `<img src="${url}shelter.png" srcset="${url}shelter-480w.png 480w, ${url}shelter-960w.png 960w, ${url}shelter.png 1200w" sizes="(max-width: 46rem) 100vw, 46rem" alt="A photo of a shelter" width="1200" height="600"`,
    );
    expect([...course.rasters.keys()]).toEqual([`${url}shelter-480w.png`, `${url}shelter-960w.png`, `${url}shelter.png`]);
    for (const [name, job] of course.rasters) {
      const bytes = await renderRaster(job);
      const meta = await sharp(bytes).metadata();
      const width = Number(/-(\d+)w\.png$/.exec(name)?.[1] ?? 1200);
      expect({ name, width: meta.width, height: meta.height, format: meta.format }).toEqual({ name, width, height: width / 2, format: 'png' });
      expect(bytes.length).toBeLessThanOrEqual(job.source.length);
    }
  });

  it('are rejected over their budget, naming the page and line', async () => {
    const dir = courseWithFigure('![Noise](media/noise.png "Noise")');
    writeFileSync(join(dir, 'modules/01-alpha/media/noise.png'), await pngFixture(300, 200, true));
    writeFileSync(join(dir, 'modules/media-credits.yaml'), CREDITS.replace('01-alpha/media/phases.svg', '01-alpha/media/noise.png'));
    expect(problemsOf(dir)).toContainEqual({ file: `${PAGE}.en.md`, line: 5, message: expect.stringMatching(/^image "media\/noise\.png" is 17\d\.\d KB, over the 150\.0 KB budget/) });
  });
});

describe('image sizes', () => {
  it('are read from SVG, PNG, JPEG and WebP headers', () => {
    expect(svgSize('<svg viewBox="0 0 560 372">')).toEqual({ width: 560, height: 372 });
    expect(svgSize('<svg width="300px" height="150" viewBox="0 0 10 10">')).toEqual({ width: 300, height: 150 });
    const png = new Uint8Array(24);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    new DataView(png.buffer).setUint32(16, 640);
    new DataView(png.buffer).setUint32(20, 480);
    expect(rasterSize('png', png)).toEqual({ width: 640, height: 480 });
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0, 0, 0]);
    expect(rasterSize('jpg', jpeg)).toEqual({ width: 640, height: 480 });
    expect(rasterSize('png', jpeg)).toBeUndefined();
  });
});
