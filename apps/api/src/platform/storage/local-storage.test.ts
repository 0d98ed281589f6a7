import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalPrivateStorage, createLocalStorage } from './local-storage';

describe('local storage', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'lk-storage-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('when a file is put, then get returns its bytes and the type of its extension; a missing key is undefined', async () => {
    const storage = createLocalStorage(path.join(root, 'uploads'));
    await storage.put('avatars/u1/k1-512.webp', Buffer.from('webp'), 'image/webp');
    const object = await storage.get('avatars/u1/k1-512.webp');
    expect(object?.body.toString()).toBe('webp');
    expect(object?.contentType).toBe('image/webp');
    await expect(storage.get('avatars/u1/none.webp')).resolves.toBeUndefined();
    await expect(storage.get('avatars')).resolves.toBeUndefined();
  });

  it('when a private file is put, then it is in its own directory with no public URL, readable and deletable', async () => {
    const storage = createLocalPrivateStorage(path.join(root, 'private'));
    const body = Buffer.from('%PDF-1.4 licence');
    await storage.put('documents/p1/d1.pdf', body, 'application/pdf');
    expect((await readFile(path.join(root, 'private/documents/p1/d1.pdf'))).equals(body)).toBe(
      true,
    );
    expect(storage).not.toHaveProperty('publicUrl');
    expect(await storage.get('documents/p1/d1.pdf')).toEqual({
      body,
      contentType: 'application/pdf',
    });
    await storage.delete('documents/p1/d1.pdf');
    await expect(storage.get('documents/p1/d1.pdf')).resolves.toBeUndefined();
  });

  it('when a key escapes the root, then every operation refuses it', async () => {
    const storage = createLocalPrivateStorage(path.join(root, 'private'));
    await expect(storage.get('../uploads/x.pdf')).rejects.toThrow(/escapes/);
    await expect(storage.put('../x.pdf', Buffer.from('x'), 'application/pdf')).rejects.toThrow(
      /escapes/,
    );
  });
});
