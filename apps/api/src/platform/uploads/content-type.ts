import { fileTypeFromBuffer } from 'file-type';
import { AppError, ErrorCode } from '../errors';

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/**
 * The file's type from its magic bytes, if it is one of `allowed`; 415 otherwise. The name and
 * Content-Type a client sends are never consulted.
 */
export const sniffContentType = async <T extends string>(
  bytes: Uint8Array,
  allowed: readonly T[],
): Promise<T> => {
  const detected = await fileTypeFromBuffer(bytes);
  const allowedType = allowed.find((type) => type === detected?.mime);
  if (!allowedType) {
    throw new AppError(
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      `Only ${allowed.map((type) => type.split('/')[1]!.toUpperCase()).join(', ')} files are accepted`,
    );
  }
  return allowedType;
};
