import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Config } from '../../config';
import type { PrivateStorage, Storage, StoredObjectBody } from './storage';

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

/** Not cached anywhere on the way: private objects are only ever read through the API. */
const PRIVATE_NO_STORE = 'private, no-store';

/** Where private objects live in the bucket (see `createS3PrivateStorage`). */
export const S3_PRIVATE_PREFIX = 'private/';

const createClient = ({ region, endpoint, accessKeyId, secretAccessKey }: S3StorageOptions) =>
  new S3Client({
    region,
    credentials: { accessKeyId, secretAccessKey },
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

const isMissing = (error: unknown) =>
  error instanceof NoSuchKey ||
  (error as { name?: string }).name === 'NoSuchKey' ||
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/** Put, get and delete on one bucket, with every key under `prefix`. */
const objectOperations = (
  client: S3Client,
  bucket: string,
  { prefix, cacheControl }: { prefix: string; cacheControl: string },
  disposition: (contentType: string) => string,
): PrivateStorage => ({
  put: async (key, body, contentType) => {
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: `${prefix}${key}`,
        Body: body,
        ContentType: contentType,
        ContentLength: body.length,
        CacheControl: cacheControl,
        ContentDisposition: disposition(contentType),
      }),
    );
  },
  get: async (key): Promise<StoredObjectBody | undefined> => {
    try {
      const object = await client.send(
        new GetObjectCommand({ Bucket: bucket, Key: `${prefix}${key}` }),
      );
      if (!object.Body) return undefined;
      return {
        body: Buffer.from(await object.Body.transformToByteArray()),
        contentType: object.ContentType,
      };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  },
  delete: async (key) => {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: `${prefix}${key}` }));
  },
});

/** Objects in an S3-compatible bucket, written with SigV4-signed requests. */
export const createS3Storage = (options: S3StorageOptions): Storage => {
  const { bucket, region, endpoint } = options;
  const client = createClient(options);
  const base = options.publicUrl
    ? withoutTrailingSlash(options.publicUrl)
    : endpoint
      ? `${withoutTrailingSlash(endpoint)}/${encodeURIComponent(bucket)}`
      : `https://${bucket}.s3.${region}.amazonaws.com`;

  return {
    kind: 's3',
    ...objectOperations(client, bucket, { prefix: '', cacheControl: IMMUTABLE }, (type) =>
      type.startsWith('image/') ? 'inline' : 'attachment',
    ),
    publicUrl: (key) => `${base}/${encodeKey(key)}`,
  };
};

/**
 * Private objects (provider documents) in the same bucket under `private/`, read only through the
 * API (GetObject with the server's credentials); they have no public URL. The bucket policy MUST
 * NOT grant public (anonymous) `s3:GetObject` on `private/*`: when the bucket, or a CDN in front
 * of it, is public, restrict the public grant to the other prefixes (`avatars/*`, `portfolio/*`).
 */
export const createS3PrivateStorage = (options: S3StorageOptions): PrivateStorage =>
  objectOperations(
    createClient(options),
    options.bucket,
    { prefix: S3_PRIVATE_PREFIX, cacheControl: PRIVATE_NO_STORE },
    () => 'attachment',
  );
