import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TAuthSession } from '@localkart/contracts/auth';
import { ZUserProfile } from '@localkart/contracts/users';
import request from 'supertest';
import { insertUser, type NewUserRow, type UserRow } from '../modules/users/users.repo';
import { hashPassword } from '../platform/password';
import { eventually } from './http';
import type { TestApp } from './test-app';

/** Meets the password rules (lower, upper, digit, ≥ 8). */
/** Every field a profile response has, and no other. */
export const PROFILE_KEYS = Object.keys(ZUserProfile.shape).sort();

export const TEST_PASSWORD = 'Ghar$eva2026';

export const uniqueEmail = (label = 'user') => `${label}.${randomUUID().slice(0, 8)}@example.in`;

/** A valid registration body; override any field. */
export const registration = (overrides: Record<string, unknown> = {}) => ({
  email: uniqueEmail(),
  password: TEST_PASSWORD,
  firstName: 'Priya',
  lastName: 'Sharma',
  phone: '+91 98765 43210',
  ...overrides,
});

// One scrypt hash per test file (~0.35 s each) instead of one per user.
let testPasswordHash: Promise<string> | undefined;

/**
 * A user inserted straight into the database with TEST_PASSWORD, for tests whose subject is not
 * registration (registration hashes the password, which costs a third of a second).
 */
export const insertTestUser = async (
  app: TestApp,
  overrides: Partial<NewUserRow> = {},
): Promise<UserRow> =>
  insertUser(app.runtime.database.db, {
    email: uniqueEmail(),
    passwordHash:
      'passwordHash' in overrides
        ? overrides.passwordHash
        : await (testPasswordHash ??= hashPassword(TEST_PASSWORD)),
    firstName: 'Arjun',
    lastName: 'Mehta',
    role: 'customer',
    ...overrides,
  });

/** Signs in through the API (one password verification) and returns the session. */
export const signIn = async (
  app: TestApp,
  email: string,
  password = TEST_PASSWORD,
): Promise<TAuthSession> => {
  const res = await request(app.url).post('/api/auth/login').send({ email, password });
  if (res.status !== 200) {
    throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return (res.body as { data: TAuthSession }).data;
};

export type OutboxMail = { file: string; to: string; subject: string; text: string };

const decodeQuotedPrintable = (body: string) => {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}/i.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(Number.parseInt(hex[0], 16));
      i += 2;
    } else {
      bytes.push(joined.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString('utf8');
};

const decodeHeaderWords = (value: string) =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_match, b64: string) =>
      Buffer.from(b64, 'base64').toString('utf8'),
    );

/** The text/plain part of one .eml file as nodemailer writes it (quoted-printable or base64). */
const parseEml = (file: string, raw: string): OutboxMail => {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) =>
    new RegExp(`^${name}: (.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
  const body = rest.join('\n\n');
  const plain =
    /Content-Type: text\/plain[^\n]*\r?\nContent-Transfer-Encoding: ([\w-]+)\r?\n\r?\n([\s\S]*?)\r?\n--/i.exec(
      body,
    );
  const encoding = plain?.[1]?.toLowerCase();
  const content = plain?.[2] ?? '';
  const text =
    encoding === 'base64'
      ? Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(content)
        : content;
  return { file, to: header('To'), subject: decodeHeaderWords(header('Subject')), text };
};

/** Every e-mail the app wrote to `$DATA_DIR/outbox`, oldest first. */
export const readOutbox = async (app: TestApp): Promise<OutboxMail[]> => {
  const outbox = path.join(app.runtime.config.dataDir, 'outbox');
  const files = await readdir(outbox).catch(() => [] as string[]);
  return Promise.all(
    files
      .filter((name) => name.endsWith('.eml'))
      .sort()
      .map(async (name) => parseEml(name, await readFile(path.join(outbox, name), 'utf8'))),
  );
};

/** The e-mails sent to `email`, oldest first. */
export const mailsTo = async (app: TestApp, email: string): Promise<OutboxMail[]> =>
  (await readOutbox(app)).filter((mail) => mail.to.toLowerCase() === email.toLowerCase());

/** The token in the newest verification link sent to `email`. */
export const verificationTokenFor = async (app: TestApp, email: string): Promise<string> => {
  const mails = await mailsTo(app, email);
  const link = mails
    .map((mail) => /\/verify-email\/([\w-]+)/.exec(mail.text)?.[1])
    .filter((token) => token !== undefined)
    .at(-1);
  if (!link) throw new Error(`no verification e-mail for ${email}`);
  return link;
};

/**
 * The token in the newest password reset link sent to `email` (other than `otherThan`). Reset
 * e-mails are sent after the API has answered, so this waits for one to arrive.
 */
export const resetTokenFor = (
  app: TestApp,
  email: string,
  { otherThan }: { otherThan?: string } = {},
): Promise<string> =>
  eventually(
    async () => {
      const mails = await mailsTo(app, email);
      const token = mails
        .map((mail) => /\/reset-password\?token=([\w%-]+)/.exec(mail.text)?.[1])
        .filter((value) => value !== undefined)
        .map((value) => decodeURIComponent(value))
        .at(-1);
      if (!token || token === otherThan)
        throw new Error(`no new password reset e-mail for ${email}`);
      return token;
    },
    { timeoutMs: 5000, intervalMs: 50 },
  );
