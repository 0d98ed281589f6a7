import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../../config';
import type { Storage } from './storage';

export type S3StorageOptions = {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** An S3-compatible service (MinIO, R2, …); AWS S3 itself when absent. */
  endpoint?: string | undefined;
  /** Where browsers load objects from (a CDN, a public bucket domain). */
  publicUrl?: string | undefined;
};

/** The S3 settings from the config; undefined when uploads stay on the local disk. */
export const s3OptionsOf = (config: Config): S3StorageOptions | undefined =>
  config.S3_BUCKET && config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
    ? {
        bucket: config.S3_BUCKET,
        region: config.S3_REGION,
        accessKeyId: config.S3_ACCESS_KEY_ID,
        secretAccessKey: config.S3_SECRET_ACCESS_KEY,
        endpoint: config.S3_ENDPOINT,
        publicUrl: config.S3_PUBLIC_URL,
      }
    : undefined;

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');
const encodeKey = (key: string) => key.split('/').map(encodeURIComponent).join('/');

/** Keys are unique per upload, so objects never change and may be cached for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Objects in an S3-compatible bucket, written with SigV4-signed requests. */
export const createS3Storage = (options: S3StorageOptions): Storage => {
  const { bucket, region, endpoint } = options;
  const client = new S3Client({
    region,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
    maxAttempts: 3,
    ...(endpoint
      ? {
          endpoint,
          // MinIO and most self-hosted services have no per-bucket DNS names.
          forcePathStyle: true,
          // Several S3-compatible services reject the SDK's default CRC checksums.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }
      : {}),
  });
  const base = options.publicUrl
    ? withoutTrailingSlash(options.publicUrl)
    : endpoint
      ? `${withoutTrailingSlash(endpoint)}/${encodeURIComponent(bucket)}`
      : `https://${bucket}.s3.${region}.amazonaws.com`;

  return {
    kind: 's3',
    put: async (key, body, contentType) => {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          ContentLength: body.length,
          CacheControl: IMMUTABLE,
          ContentDisposition: contentType.startsWith('image/') ? 'inline' : 'attachment',
        }),
      );
    },
    delete: async (key) => {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    publicUrl: (key) => `${base}/${encodeKey(key)}`,
  };
};
