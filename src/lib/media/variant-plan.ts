/**
 * Which sizes of a local photo the site serves, and under which names. The
 * plan depends only on the photo's bytes (their digest and pixel size) and
 * its role, so every page and every build shard that shows a photo asks for
 * the same files, and a file's name changes whenever its bytes would.
 */

/** The folder of a build's cache (Astro's `cacheDir`) that holds the variants, shared by the shards of a build. */
export const MEDIA_CACHE_FOLDER = 'media';

/** How a photo is shown: above an article's text, or small beside a title in a list. */
export type ImageRole = 'lead' | 'thumbnail';

/** Format of every variant: WebP, which every browser the site supports shows. */
const VARIANT_FORMAT = 'webp';
export const VARIANT_MEDIA_TYPE = 'image/webp';

/**
 * Widths in pixels for each role, and the `sizes` that tell the browser how
 * wide the image is shown: the lead fills the text column (42rem, see
 * `--measure` in global.css) or the screen; a thumbnail is 8rem wide.
 */
export const ROLES: Readonly<Record<ImageRole, { widths: readonly number[]; sizes: string }>> = {
  lead: { widths: [480, 720, 1080, 1440], sizes: '(min-width: 44rem) 42rem, 100vw' },
  thumbnail: { widths: [128, 256], sizes: '8rem' },
};

/** One size of a photo. */
export interface Variant {
  width: number;
  height: number;
  /** File name, unique to the photo's bytes and the width: `mist-3f2a9c0d1e-480.webp`. */
  name: string;
}

export interface SourceImage {
  /** Hex SHA-256 of the file's bytes. */
  digest: string;
  /** Pixel size as displayed (after the EXIF orientation is applied). */
  width: number;
  height: number;
  /** File name stem for readable variant names (`mist`). */
  stem: string;
}

/** The widths of a role that a photo of `width` pixels can give without enlarging it; never empty. */
export function plannedWidths(width: number, role: ImageRole): number[] {
  const fitting = ROLES[role].widths.filter((w) => w <= width);
  // A photo narrower than the widest size is served at its own width as well (or only, when narrower than all),
  // once: a srcset with two candidates of one width is invalid.
  return fitting.length === ROLES[role].widths.length || fitting.includes(width) ? fitting : [...fitting, width];
}

/** The stem of a source path, as it may appear in a file name: `media/2024/Mist_1.JPG` → `mist_1`. */
export function variantStem(src: string): string {
  const name = src.split('/').pop() ?? 'image';
  return (
    name
      .replace(/\.[^.]*$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-') || 'image'
  );
}

/** The variants of `source` for `role`, narrowest first. */
export function planVariants(source: SourceImage, role: ImageRole): Variant[] {
  return plannedWidths(source.width, role).map((width) => ({
    width,
    height: Math.max(1, Math.round((source.height * width) / source.width)),
    name: `${source.stem}-${source.digest.slice(0, 10)}-${width}.${VARIANT_FORMAT}`,
  }));
}

const VARIANT_NAME = new RegExp(`^[a-z0-9_-]+-[0-9a-f]{10}-\\d+\\.${VARIANT_FORMAT}$`);

/** Whether a file name is one `planVariants` gives: in a page's folder, such a file is a photo's variant. */
export function isVariantName(name: string): boolean {
  return VARIANT_NAME.test(name);
}

/** A `srcset` value: each variant at `folder` + its name, with its width. */
export function srcset(variants: readonly Variant[], folder: string): string {
  return variants.map((variant) => `${folder}${variant.name} ${variant.width}w`).join(', ');
}
