import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrivateStorage, Storage } from './storage';

export const UPLOADS_URL_PATH = '/uploads';

/** What the server writes, by extension; the local disk keeps no content type of its own. */
const CONTENT_TYPES: Record<string, string> = {
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.pdf': 'application/pdf',
};

const readLocalFile = async (file: string) => {
  try {
    const body = await readFile(file);
    return { body, contentType: CONTENT_TYPES[path.extname(file).toLowerCase()] };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined;
    throw error;
  }
};

const rootedFile = (root: string, key: string) => {
  const file = path.resolve(root, key);
  // Keys are server-made, but a bug must still not touch anything outside the root.
  if (!file.startsWith(`${root}${path.sep}`))
    throw new Error(`storage key escapes the root: ${key}`);
  return file;
};

/**
 * Private files (provider documents) under `directory` (`$DATA_DIR/private`): never served by
 * `/uploads`, read only through API routes that check who is asking.
 */
export const createLocalPrivateStorage = (directory: string): PrivateStorage => {
  const root = path.resolve(directory);
  const fileOf = (key: string) => rootedFile(root, key);
  return {
    put: async (key, body) => {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, body);
    },
    get: async (key) => readLocalFile(fileOf(key)),
    delete: async (key) => {
      await rm(fileOf(key), { force: true });
    },
  };
};

/** Files under `directory`, served by the API at `/uploads/<key>`. */
export const createLocalStorage = (directory: string): Storage => ({
  ...createLocalPrivateStorage(directory),
  kind: 'local',
  directory: path.resolve(directory),
  publicUrl: (key) => `${UPLOADS_URL_PATH}/${key}`,
});
