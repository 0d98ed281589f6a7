import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Storage } from './storage';

export const UPLOADS_URL_PATH = '/uploads';

/** Files under `directory`, served by the API at `/uploads/<key>`. */
export const createLocalStorage = (directory: string): Storage => {
  const root = path.resolve(directory);
  const fileOf = (key: string) => {
    const file = path.resolve(root, key);
    // Keys are server-made, but a bug must still not write outside the uploads directory.
    if (!file.startsWith(`${root}${path.sep}`))
      throw new Error(`storage key escapes the root: ${key}`);
    return file;
  };
  return {
    kind: 'local',
    directory: root,
    put: async (key, body) => {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, body);
    },
    delete: async (key) => {
      await rm(fileOf(key), { force: true });
    },
    publicUrl: (key) => `${UPLOADS_URL_PATH}/${key}`,
  };
};
