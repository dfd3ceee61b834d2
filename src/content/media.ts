/**
 * A module's images (modules/<module>/media/): checked, optimised and sized at build, emitted as
 * assets/media/<module id>/<file>. An SVG may hold {{key}} placeholders whose text, in every
 * language, stands in <name>.text.yaml beside it: the build writes one SVG per language, so no
 * English is baked into a Spanish figure. Runs in Node only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { optimize } from 'svgo';
import { z } from 'zod';
import type { ContentProblem } from './errors.ts';
import { rasterSize, svgSize, type ImageSize } from './image-size.ts';
import { planRaster, type RasterJob } from './raster.ts';
import { LANGUAGES, localizedText, type Language } from './schema.ts';
import { validateYaml, type YamlSource } from './yaml-source.ts';

/** Where images are written in the web build (relative to index.html). */
export const MEDIA_URL = 'assets/media';
/** Bytes an image may take after optimisation: the module zips stay small (≤ 600 KB each). */
export const MEDIA_BUDGET = { svg: 40 * 1024, raster: 150 * 1024 };
const IMAGE = /^([a-z0-9][a-z0-9-]*)\.(svg|png|jpe?g|webp)$/;
const TEXT_FILE = /^([a-z0-9][a-z0-9-]*)\.text\.yaml$/;
const PLACEHOLDER = /\{\{\s*([a-z0-9-]+)\s*\}\}/g;
/**
 * Figure text must read at 12 px or more everywhere: a drawn figure is shown at its own width on a
 * wide screen and never narrower than FIGURE_MIN_WIDTH px on a phone (it scrolls sideways there;
 * page-view.ts's `.figure-frame`, 30rem).
 */
export const FIGURE_MIN_WIDTH = 480;
export const FIGURE_MIN_TEXT = 12;
const FONT_SIZE = /font-size\s*[:=]\s*["']?\s*([\d.]+)/g;

export const mediaTextSchema = z.strictObject({ text: z.record(z.string().regex(/^[a-z0-9-]+$/), localizedText) });

export interface ResolvedImage extends ImageSize {
  url: string;
  /** A raster image's responsive sizes ("url 480w, …"); SVG needs none. */
  srcset?: string;
}
export type MediaResult = { ok: true; image: ResolvedImage } | { ok: false; message: string };

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** What an SVG may not hold: anything that runs, or that would fetch something at run time. */
const UNSAFE_SVG: Array<[RegExp, string]> = [
  [/<script\b/i, 'a <script>'],
  [/<foreignObject\b/i, 'a <foreignObject>'],
  [/\son[a-z]+\s*=/i, 'an event handler attribute'],
  [/\s(?:xlink:)?href\s*=\s*["'](?!#)/i, 'a link to another file or address (only "#id" is allowed)'],
  [/@import|url\(\s*["']?(?!#)/i, 'a stylesheet import or url() to another file'],
];

/** The first text in an SVG that would read under FIGURE_MIN_TEXT px on a phone or a wide screen. */
function smallestText(svg: string): { index: number; message: string } | undefined {
  const width = svgSize(svg)?.width;
  if (!width) return undefined;
  const scale = Math.min(1, FIGURE_MIN_WIDTH / width);
  for (const found of svg.matchAll(FONT_SIZE)) {
    const size = Number(found[1]);
    if (size * scale < FIGURE_MIN_TEXT) {
      const needed = Math.ceil(FIGURE_MIN_TEXT / scale);
      return { index: found.index, message: `has text of font-size ${size} in a figure ${width} wide: it would show at ${(size * scale).toFixed(1)} px on a phone (at least ${FIGURE_MIN_TEXT}); use a font-size of ${needed} or more` };
    }
  }
  return undefined;
}

/** Words in an SVG's <text> outside {{placeholders}}: numbers and signs may stand, words are translated. */
function untranslatedText(svg: string): { index: number; text: string } | undefined {
  for (const found of svg.matchAll(/<(?:text|tspan)\b[^>]*>([^<]*)/g)) {
    const words = found[1]!.replace(PLACEHOLDER, '').trim();
    if (/\p{L}/u.test(words)) return { index: found.index, text: words };
  }
  return undefined;
}

export class ModuleMedia {
  /** Emitted files by name (assets/media/<module id>/…). */
  readonly assets = new Map<string, string | Uint8Array>();
  /** Raster files to render at build (src/content/raster.ts), by name, beside the assets. */
  readonly rasters = new Map<string, RasterJob>();
  private readonly dir: string;
  private readonly present: string[];
  private readonly used = new Set<string>();
  private readonly cache = new Map<string, MediaResult>();

  constructor(
    folderPath: string,
    private readonly moduleId: string,
    private readonly rel: (path: string) => string,
    private readonly readYaml: (path: string) => YamlSource | undefined,
    private readonly problems: ContentProblem[],
    private readonly track: (path: string, bytes: string | Uint8Array) => void = () => undefined,
  ) {
    this.dir = join(folderPath, 'media');
    this.present = existsSync(this.dir) ? readdirSync(this.dir).sort() : [];
    for (const name of this.present) {
      if (!IMAGE.test(name) && !TEXT_FILE.test(name)) {
        problems.push({ file: rel(join(this.dir, name)), message: 'media files must be SVG, PNG, JPEG or WebP named like "my-figure.svg" (or an SVG\'s "my-figure.text.yaml")' });
      }
    }
  }

  /** A page's reference `media/<file>` in one language: the emitted file's URL and size, or why not. */
  resolve(src: string, language: Language): MediaResult {
    const key = `${src}|${language}`;
    let result = this.cache.get(key);
    if (!result) {
      result = this.load(src, language);
      this.cache.set(key, result);
    }
    if (result.ok) this.used.add(src.slice('media/'.length));
    return result;
  }

  /** After every page is compiled: files nobody uses would only make the zips bigger. */
  checkUnused(): void {
    for (const name of this.present) {
      if (IMAGE.test(name) && !this.used.has(name)) {
        this.problems.push({ file: this.rel(join(this.dir, name)), message: 'this image is not used by any page or by module.yaml "banner"; remove it or reference it' });
      }
    }
  }

  /** Every image file of the module, as modules/-relative paths (for the credits check). */
  files(): string[] {
    return this.present.filter((name) => IMAGE.test(name)).map((name) => this.rel(join(this.dir, name)));
  }

  private load(src: string, language: Language): MediaResult {
    const match = /^media\/(.+)$/.exec(src);
    const name = match?.[1] ?? '';
    const parts = IMAGE.exec(name);
    if (!match || !parts) return { ok: false, message: `image "${src}" must be "media/<name>.svg" (or .png, .jpg, .webp) in this module's media folder` };
    if (!this.present.includes(name)) return { ok: false, message: `image "${src}" does not exist (no file ${this.rel(join(this.dir, name))})` };
    const path = join(this.dir, name);
    const extension = parts[2]!;
    if (extension === 'svg') return this.loadSvg(parts[1]!, path, language);
    const bytes = new Uint8Array(readFileSync(path));
    this.track(path, bytes);
    const size = rasterSize(extension, bytes);
    if (!size) return { ok: false, message: `image "${src}" is not a valid ${extension.toUpperCase()} file` };
    if (bytes.length > MEDIA_BUDGET.raster) {
      return { ok: false, message: `image "${src}" is ${kb(bytes.length)}, over the ${kb(MEDIA_BUDGET.raster)} budget for PNG, JPEG and WebP; resize or compress it` };
    }
    const plan = planRaster(`${MEDIA_URL}/${this.moduleId}`, parts[1]!, extension, bytes, size.width);
    for (const [fileName, job] of plan.jobs) this.rasters.set(fileName, job);
    return { ok: true, image: { url: `${MEDIA_URL}/${this.moduleId}/${name}`, ...size, srcset: plan.srcset } };
  }

  private loadSvg(base: string, path: string, language: Language): MediaResult {
    const file = this.rel(path);
    const source = readFileSync(path, 'utf8');
    this.track(path, source);
    for (const [pattern, what] of UNSAFE_SVG) {
      const found = pattern.exec(source);
      if (found) return { ok: false, message: `${file}:${lineAt(source, found.index)} holds ${what}; figures must be self-contained drawings` };
    }
    const small = smallestText(source);
    if (small) return { ok: false, message: `${file}:${lineAt(source, small.index)} ${small.message}` };
    const baked = untranslatedText(source);
    if (baked) return { ok: false, message: `${file}:${lineAt(source, baked.index)} has the words "${baked.text}" drawn in; write {{key}} and its text in ${base}.text.yaml (en and es), so each language shows its own` };
    const text = this.svgText(base, source, file);
    if (!text.ok) return text;
    const placed = source.replace(PLACEHOLDER, (_, key: string) => escapeXml(text.strings[key]![language]));
    let optimised: string;
    try {
      optimised = optimize(placed, { path, multipass: true }).data;
    } catch (error) {
      return { ok: false, message: `${file} is not valid SVG: ${String((error as Error).message).split('\n')[0]}` };
    }
    const size = svgSize(optimised);
    if (!size) return { ok: false, message: `${file} needs a viewBox (or width and height) so its size is known before it loads` };
    const bytes = Buffer.byteLength(optimised);
    if (bytes > MEDIA_BUDGET.svg) return { ok: false, message: `${file} is ${kb(bytes)} after optimisation, over the ${kb(MEDIA_BUDGET.svg)} budget for SVG` };
    const fileName = `${MEDIA_URL}/${this.moduleId}/${text.translated ? `${base}.${language}` : base}.svg`;
    this.assets.set(fileName, optimised);
    return { ok: true, image: { url: fileName, ...size } };
  }

  /** The translations of an SVG's placeholders, checked both ways (none missing, none unused). */
  private svgText(base: string, svg: string, file: string): { ok: true; translated: boolean; strings: Record<string, Record<Language, string>> } | { ok: false; message: string } {
    const keys = [...svg.matchAll(PLACEHOLDER)];
    const textPath = join(this.dir, `${base}.text.yaml`);
    if (!existsSync(textPath)) {
      if (keys.length === 0) return { ok: true, translated: false, strings: {} };
      return { ok: false, message: `${file}:${lineAt(svg, keys[0]!.index)} has the placeholder "${keys[0]![0]}" but ${this.rel(textPath)} (its texts in ${LANGUAGES.join(' and ')}) does not exist` };
    }
    const source = this.readYaml(textPath);
    if (!source) return { ok: false, message: `${this.rel(textPath)} could not be read` };
    const parsed = validateYaml(source, mediaTextSchema);
    if (!parsed.ok) {
      this.problems.push(...parsed.problems);
      return { ok: false, message: `${this.rel(textPath)} is invalid (see above)` };
    }
    const strings = parsed.value.text;
    const missing = keys.find((k) => !strings[k[1]!]);
    if (missing) return { ok: false, message: `${file}:${lineAt(svg, missing.index)} has the placeholder "${missing[0]}" but ${this.rel(textPath)} has no text "${missing[1]}"` };
    const unused = Object.keys(strings).find((key) => !keys.some((k) => k[1] === key));
    if (unused) return { ok: false, message: `${this.rel(textPath)}:${source.lineOf(['text', unused])} has the text "${unused}" but ${file} has no {{${unused}}}` };
    return { ok: true, translated: true, strings };
  }
}
