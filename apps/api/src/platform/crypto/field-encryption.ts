import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { EncryptionKey } from '../../config';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const AAD = Buffer.from('localkart:v1');

export type EncryptedField = { ciphertext: string; keyId: string };

/**
 * AES-256-GCM for personal data at rest (ERD §13.1, with `createCipheriv` and a fresh IV each
 * time). The key id is stored beside the ciphertext so keys can rotate: the first key encrypts,
 * any configured key decrypts.
 */
export const createFieldEncryption = (keys: readonly EncryptionKey[]) => {
  const [current] = keys;
  if (!current) throw new Error('at least one data encryption key is required');
  const byId = new Map(keys.map((key) => [key.id, key.key]));

  const encrypt = (plaintext: string): EncryptedField => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, current.key, iv).setAAD(AAD);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const ciphertext = [iv, cipher.getAuthTag(), body]
      .map((part) => part.toString('base64'))
      .join('.');
    return { ciphertext, keyId: current.id };
  };

  const decrypt = ({ ciphertext, keyId }: EncryptedField): string => {
    const key = byId.get(keyId);
    if (!key) throw new Error(`no data encryption key with id ${keyId}`);
    const [iv, tag, body] = ciphertext.split('.').map((part) => Buffer.from(part, 'base64'));
    if (!iv || !tag || !body) throw new Error('malformed ciphertext');
    const decipher = createDecipheriv(ALGORITHM, key, iv).setAAD(AAD);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  };

  return { encrypt, decrypt };
};

export type FieldEncryption = ReturnType<typeof createFieldEncryption>;

/**
 * A keyed hash for equality lookups on encrypted values ("who has this phone number?") that
 * reveals nothing without the key.
 */
export const createBlindIndex = (key: string) => (value: string) =>
  createHmac('sha256', key).update(value).digest('hex');

export type BlindIndex = ReturnType<typeof createBlindIndex>;
