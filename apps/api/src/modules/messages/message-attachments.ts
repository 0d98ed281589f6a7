import { randomUUID } from 'node:crypto';
import type { TMessageType } from '@localkart/contracts/messages';
import { IMAGE_TYPES, sniffContentType } from '../../platform/uploads/content-type';
import { renderWebp } from '../../platform/uploads/image-processing';

const MAX_PIXELS = 40_000_000;
const PDF = 'application/pdf';
const WEBP = 'image/webp';
const FILE_TYPES = [...IMAGE_TYPES, PDF] as const;

/** A checked attachment, ready for private storage. */
export type PreparedAttachment = {
  key: string;
  body: Buffer;
  contentType: string;
  filename: string;
};

/**
 * The name the download offers: the client's name reduced to safe characters (it is only a
 * label; the storage key is server-made), with the extension of what the file really is.
 */
const downloadName = (clientName: string | undefined, extension: string) => {
  const stem = (clientName ?? '')
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/[^\w .-]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return `${stem || 'attachment'}.${extension}`;
};

/**
 * Types the upload by its bytes (images for `image`; images or PDF for `file`). Images are
 * re-encoded to WebP, which drops EXIF/GPS metadata and anything hidden around the pixels;
 * PDFs are kept as sent and only ever served as downloads.
 */
export const prepareAttachment = async (
  bookingId: string,
  type: Extract<TMessageType, 'image' | 'file'>,
  upload: { bytes: Buffer; clientName?: string | undefined },
): Promise<PreparedAttachment> => {
  const contentType = await sniffContentType(
    upload.bytes,
    type === 'image' ? IMAGE_TYPES : FILE_TYPES,
  );
  const isPdf = contentType === PDF;
  const body = isPdf
    ? upload.bytes
    : (
        await renderWebp(upload.bytes, contentType, [2048], {
          maxPixels: MAX_PIXELS,
          fit: 'inside',
        })
      )[0]!;
  const extension = isPdf ? 'pdf' : 'webp';
  return {
    key: `messages/${bookingId}/${randomUUID()}.${extension}`,
    body,
    contentType: isPdf ? PDF : WEBP,
    filename: downloadName(upload.clientName, extension),
  };
};
