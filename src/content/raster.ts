/**
 * Responsive sizes of a module's PNG, JPEG and WebP images. The loader (synchronous) plans them:
 * which widths exist, under which names, with which srcset; the build then renders each width
 * with sharp (asynchronous) when it writes the files. Runs in Node only.
 */
import sharp from 'sharp';

/** Widths made for every raster image narrower than it; the image's own width is always kept. */
export const RASTER_WIDTHS = [480, 960, 1440] as const;

export type RasterFormat = 'png' | 'jpeg' | 'webp';

/** One file to render: the source image at one width, in its own format. */
export interface RasterJob {
  source: Uint8Array;
  width: number;
  /** The source's own width: the job that keeps it only recompresses. */
  fullWidth: number;
  format: RasterFormat;
}

export interface RasterPlan {
  /** File name → what to render into it. */
  jobs: Map<string, RasterJob>;
  /** The `srcset` value: every file with its width ("a-480w.png 480w, a.png 1200w"). */
  srcset: string;
}

export const rasterFormat = (extension: string): RasterFormat => (extension === 'jpg' || extension === 'jpeg' ? 'jpeg' : (extension as RasterFormat));

/**
 * The files of one image: `<base>-<w>w.<ext>` for each standard width below its own, and
 * `<base>.<ext>` at its own width.
 */
export function planRaster(folder: string, base: string, extension: string, source: Uint8Array, fullWidth: number): RasterPlan {
  const format = rasterFormat(extension);
  const jobs = new Map<string, RasterJob>();
  const entries: string[] = [];
  for (const width of [...RASTER_WIDTHS.filter((w) => w < fullWidth), fullWidth]) {
    const fileName = `${folder}/${width === fullWidth ? base : `${base}-${width}w`}.${extension}`;
    jobs.set(fileName, { source, width, fullWidth, format });
    entries.push(`${fileName} ${width}w`);
  }
  return { jobs, srcset: entries.join(', ') };
}

/** Renders one job: resized (never enlarged) and recompressed; the full width never grows past its source. */
export async function renderRaster(job: RasterJob): Promise<Uint8Array> {
  let image = sharp(job.source);
  if (job.width < job.fullWidth) image = image.resize({ width: job.width, withoutEnlargement: true });
  const encoded =
    job.format === 'png'
      ? image.png({ compressionLevel: 9, effort: 8 })
      : job.format === 'jpeg'
        ? image.jpeg({ quality: 80, mozjpeg: true })
        : image.webp({ quality: 80, effort: 5 });
  const bytes = new Uint8Array(await encoded.toBuffer());
  return job.width === job.fullWidth && bytes.length >= job.source.length ? job.source : bytes;
}
