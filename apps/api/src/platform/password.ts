import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import os from 'node:os';
import pLimit from 'p-limit';

/** OWASP Password Storage Cheat Sheet: scrypt N=2^17, r=8, p=1. Runs on libuv's thread pool. */
const COST_LOG2 = 17;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;

/**
 * libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise) also runs WebCrypto,
 * so every access token signed or verified, plus file system calls and DNS look-ups. Were a
 * burst of sign-ins to fill it with scrypt jobs, each of those would queue behind every hash
 * (seconds: `bench/auth.ts` measured authenticated requests at ~5 s p50 under 50 concurrent
 * sign-ins), and sign-ins would finish in bursts that stall the event loop. So at most this many
 * hashes run at once, never more than there are cores, and at least one thread stays free; the
 * rest wait in arrival order.
 */
const limitHashes = pLimit(Math.max(1, Math.min(os.availableParallelism(), 4 - 1)));

const derive = (password: string, salt: Buffer, options: ScryptOptions) =>
  limitHashes(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );

const optionsFor = (costLog2: number, blockSize: number, parallelism: number): ScryptOptions => ({
  N: 2 ** costLog2,
  r: blockSize,
  p: parallelism,
  maxmem: 256 * 2 ** costLog2 * blockSize,
});

/** PHC string: `$scrypt$ln=17,r=8,p=1$<salt>$<hash>` (base64), so parameters can change later. */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const key = await derive(password, salt, optionsFor(COST_LOG2, BLOCK_SIZE, PARALLELISM));
  return `$scrypt$ln=${COST_LOG2},r=${BLOCK_SIZE},p=${PARALLELISM}$${salt.toString('base64')}$${key.toString('base64')}`;
};

const phcPattern =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const match = phcPattern.exec(stored);
  if (!match) return false;
  const [, ln, r, p, salt, hash] = match;
  const expected = Buffer.from(hash!, 'base64');
  const key = await derive(
    password,
    Buffer.from(salt!, 'base64'),
    optionsFor(Number(ln), Number(r), Number(p)),
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
};
