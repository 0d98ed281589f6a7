import sharp, { type Metadata } from 'sharp';
import { AppError, ErrorCode } from '../errors';
import type { ImageType } from './content-type';

const sharpFormatOf: Record<ImageType, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

const damaged = (cause: unknown) =>
  Object.assign(new AppError(ErrorCode.VALIDATION_ERROR, 'The image is damaged or incomplete'), {
    cause,
  });

/**
 * Re-encodes an uploaded image as square WebP thumbnails, one per size (cover crop, turned upright
 * per its EXIF orientation). Only pixels survive: EXIF, GPS, ICC and XMP metadata are dropped, and
 * anything hidden after or around the image data is gone. The header is read first, so an image
 * over `maxPixels` is refused (413) before it is decoded; a damaged image is 400.
 */
export const renderSquareWebp = (
  input: Buffer,
  type: ImageType,
  sizes: readonly number[],
  options: { maxPixels: number; quality?: number },
): Promise<Buffer[]> => renderWebp(input, type, sizes, { ...options, fit: 'cover' });

/**
 * As `renderSquareWebp`, but `fit: 'inside'` keeps the aspect ratio (longest side at most the
 * size, never enlarged), for photos and scanned documents.
 */
export const renderWebp = async (
  input: Buffer,
  type: ImageType,
  sizes: readonly number[],
  {
    maxPixels,
    quality = 82,
    fit,
  }: { maxPixels: number; quality?: number; fit: 'cover' | 'inside' },
): Promise<Buffer[]> => {
  const options = { limitInputPixels: maxPixels, failOn: 'warning' } as const;
  let metadata: Metadata;
  try {
    // Reads the header only; the pixel limit is checked below with its own error.
    metadata = await sharp(input, { ...options, limitInputPixels: false }).metadata();
  } catch (error) {
    throw damaged(error);
  }
  if (metadata.format !== sharpFormatOf[type]) {
    throw new AppError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'The image format is not supported');
  }
  if (metadata.width * metadata.height > maxPixels) {
    throw new AppError(
      ErrorCode.PAYLOAD_TOO_LARGE,
      `The image is larger than ${Math.floor(maxPixels / 1_000_000)} megapixels`,
    );
  }
  try {
    return await Promise.all(
      sizes.map((size) =>
        sharp(input, options)
          .rotate()
          .resize(size, size, { fit, withoutEnlargement: fit === 'inside' })
          .webp({ quality })
          .toBuffer(),
      ),
    );
  } catch (error) {
    throw damaged(error);
  }
};
