import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { writeFileAtomicAsync } from '../files/atomic-write.ts';
import { linkOrCopySync, placeFile } from '../files/output-files.ts';
import { imageFormatOf, type ImageFormat } from './image-format.ts';
import { isVariantName, variantStem, type SourceImage, type Variant } from './variant-plan.ts';

/**
 * Resized photos, made once and kept between builds. A variant is stored in
 * the cache folder under the digest of its source's bytes, its width and the
 * encoder settings, so it is made again only when the photo's bytes change;
 * pages link the variants they show from the cache into the site (cached
 * files are never written again). The same bytes give the same file in every
 * process (sharp is deterministic), which keeps a build split in shards
 * byte-identical to a build in one process. What a photo's file holds
 * (digest, format, pixel size) is kept beside the variants too, by the file's
 * path, size and modification time, so a build reads only new or changed photos.
 */

/** Encoder settings; part of every cached file's name, so a change makes new files. */
const WEBP = { quality: 78, effort: 4 } as const;
const SETTINGS = `webp-q${WEBP.quality}-e${WEBP.effort}`;

/** A local photo, read and measured. */
export interface LocalImage extends SourceImage {
  /** Absolute path of the source file. */
  path: string;
  format: ImageFormat;
}

/** A measurement kept in the cache: of the file at `path` with this size and modification time. */
interface KeptMeasure {
  size: number;
  mtimeMs: number;
  path: string;
  format: ImageFormat;
  digest: string;
  width: number;
  height: number;
}

/** The names of the entries of `folder`; none when it does not exist yet. */
function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The measurement kept in `file`, or `undefined` when there is none (or it cannot be read). */
function readKept(file: string): KeptMeasure | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as KeptMeasure;
  } catch {
    return undefined;
  }
}

/** A source file that cannot be used as a photo: not an image by its bytes, or an image sharp cannot read. */
export class UnreadableImageError extends Error {
  override name = 'UnreadableImageError';
}

export class ImageCache {
  /** How many variants this cache has made rather than found: 0 on a build whose photos are all cached. */
  made = 0;
  private readonly sources = new Map<string, Promise<LocalImage>>();
  private readonly variants = new Map<string, Promise<string>>();

  /** Holds the variants (created when needed). */
  readonly folder: string;

  constructor(folder: string) {
    this.folder = folder;
  }

  /**
   * The photo at `path` (absolute), measured once for each version of the
   * file (its size and modification time), kept beside the variants for later
   * builds. The small reads are synchronous: pages wait for them one by one,
   * and a round trip through the thread pool costs more than the read.
   */
  source(path: string): Promise<LocalImage> {
    const info = statSync(path);
    const key = `${path}\u0000${info.size}\u0000${info.mtimeMs}`;
    let found = this.sources.get(key);
    if (!found) {
      found = this.measured(path, { size: info.size, mtimeMs: info.mtimeMs });
      this.sources.set(key, found);
    }
    return found;
  }

  /** The kept measurement of this version of the file, or a new one, kept for the next build. */
  private async measured(path: string, version: Pick<KeptMeasure, 'size' | 'mtimeMs'>): Promise<LocalImage> {
    const file = join(this.folder, 'sources', `${createHash('sha256').update(path).digest('hex').slice(0, 32)}.json`);
    const kept = readKept(file);
    if (kept && kept.path === path && kept.size === version.size && kept.mtimeMs === version.mtimeMs) {
      return { path, format: kept.format, digest: kept.digest, width: kept.width, height: kept.height, stem: variantStem(basename(path)) };
    }
    const image = await measure(path);
    const record: KeptMeasure = {
      ...version,
      path,
      format: image.format,
      digest: image.digest,
      width: image.width,
      height: image.height,
    };
    await writeFileAtomicAsync(file, JSON.stringify(record));
    return image;
  }

  /** Path of `variant` of `source` in the cache, made first when missing. */
  async variantFile(source: LocalImage, variant: Variant): Promise<string> {
    const file = join(this.folder, `${source.digest}-${variant.width}-${SETTINGS}.webp`);
    let made = this.variants.get(file);
    if (!made) {
      made = this.ensure(source, variant, file);
      this.variants.set(file, made);
    }
    return made;
  }

  /** Size in bytes of a variant (made when missing), for feeds. */
  async variantSize(source: LocalImage, variant: Variant): Promise<number> {
    return (await stat(await this.variantFile(source, variant))).size;
  }

  /**
   * Puts `variants` of `source` into `folder` of the site under their names
   * (hard links to the cache, `placeFile`), making the missing ones, and
   * removes the variants of an earlier photo from it (`removeOtherVariants`).
   * A folder this call creates holds nothing to compare or remove.
   */
  async publish(source: LocalImage, variants: readonly Variant[], folder: string): Promise<void> {
    const files = await Promise.all(variants.map((variant) => this.variantFile(source, variant)));
    if (mkdirSync(folder, { recursive: true }) !== undefined) {
      variants.forEach((variant, i) => linkOrCopySync(files[i]!, join(folder, variant.name)));
      return;
    }
    await Promise.all(variants.map((variant, i) => placeFile(files[i]!, join(folder, variant.name))));
    await removeOtherVariants(folder, variants);
  }

  /** Names of the files the cache folder held when first asked: listed once instead of looking for each variant. */
  private listed?: Set<string>;

  private async ensure(source: LocalImage, variant: Variant, file: string): Promise<string> {
    this.listed ??= new Set(namesIn(this.folder));
    if (this.listed.has(basename(file)) || (await stat(file).catch(() => undefined))) return file;
    const bytes = await sharp(await readFile(source.path))
      .rotate()
      .resize({ width: variant.width, height: variant.height, fit: 'fill' })
      .webp(WEBP)
      .toBuffer();
    await writeFileAtomicAsync(file, bytes);
    this.made += 1;
    return file;
  }
}

/**
 * Removes from a page's `folder` every variant file but `kept`: a site
 * built over its last output (incremental builds, shards) would otherwise
 * keep serving the sizes of a photo that was replaced or removed.
 */
export async function removeOtherVariants(folder: string, kept: readonly Variant[]): Promise<void> {
  const names = new Set(kept.map((variant) => variant.name));
  const present = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  await Promise.all(
    present.filter((name) => isVariantName(name) && !names.has(name)).map((name) => rm(join(folder, name), { force: true })),
  );
}

async function measure(path: string): Promise<LocalImage> {
  const bytes = await readFile(path);
  const format = imageFormatOf(bytes);
  if (!format) throw new UnreadableImageError(`${path}: the file is not a JPEG, PNG, WebP or AVIF image.`);
  const metadata = await sharp(bytes)
    .metadata()
    .catch((cause: Error) => {
      throw new UnreadableImageError(`${path}: the image cannot be read (${cause.message}).`, { cause });
    });
  if (!metadata.width || !metadata.height) throw new UnreadableImageError(`${path}: the image has no pixel size.`);
  // EXIF orientations 5–8 turn the picture by a quarter: the displayed width is the stored height.
  const turned = (metadata.orientation ?? 1) >= 5;
  return {
    path,
    format,
    digest: createHash('sha256').update(bytes).digest('hex'),
    width: turned ? metadata.height : metadata.width,
    height: turned ? metadata.width : metadata.height,
    stem: variantStem(basename(path)),
  };
}
