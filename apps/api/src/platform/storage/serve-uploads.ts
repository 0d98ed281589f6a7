import express, { type RequestHandler } from 'express';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

/** What the server writes; anything else is sent as an opaque download. */
const contentTypes: Record<string, { type: string; inline: boolean }> = {
  '.webp': { type: 'image/webp', inline: true },
  '.png': { type: 'image/png', inline: true },
  '.jpg': { type: 'image/jpeg', inline: true },
  '.jpeg': { type: 'image/jpeg', inline: true },
  '.pdf': { type: 'application/pdf', inline: false },
};
const OPAQUE = { type: 'application/octet-stream', inline: false };

const setUploadHeaders = (res: ServerResponse, file: string) => {
  const { type, inline } = contentTypes[path.extname(file).toLowerCase()] ?? OPAQUE;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', inline ? 'inline' : 'attachment');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The web app is on the same site (another port in development, a sibling domain in production).
  res.setHeader('Cross-Origin-Resource-Policy', 'same-site');
  // A file is never a document: no scripts, no styles, no framing, even if opened directly.
  res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; sandbox");
};

/**
 * Local uploads (`$DATA_DIR/uploads`) for `/uploads/<key>`. Keys are unique per upload, so files
 * never change and are cached for a year. No directory listings, index files or dotfiles; a
 * missing file falls through to the JSON 404.
 */
export const serveUploads = (directory: string): RequestHandler =>
  express.static(directory, {
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    fallthrough: true,
    maxAge: '365d',
    immutable: true,
    setHeaders: setUploadHeaders,
  });
