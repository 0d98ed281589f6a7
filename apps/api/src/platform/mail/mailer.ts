import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../../config';
import type { Logger } from '../logger';

export type MailMessage = { to: string; subject: string; text: string; html: string };

export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  send(message: MailMessage): Promise<void>;
}

type MailerDeps = { config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'dataDir'>; logger: Logger };

/**
 * SMTP when `SMTP_URL` is set; otherwise each message is written as an `.eml` file to
 * `$DATA_DIR/outbox`, where a developer (or a test) opens it. The file's path is logged, never
 * the message, since it carries single-use links.
 */
export const createMailer = ({ config, logger }: MailerDeps): Mailer => {
  if (config.SMTP_URL) {
    const transport = nodemailer.createTransport(config.SMTP_URL);
    return {
      kind: 'smtp',
      send: async (message) => {
        await transport.sendMail({ from: config.MAIL_FROM, ...message });
      },
    };
  }
  const outbox = path.join(config.dataDir, 'outbox');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    kind: 'outbox',
    send: async (message) => {
      const info = await transport.sendMail({ from: config.MAIL_FROM, ...message });
      await mkdir(outbox, { recursive: true });
      const file = path.join(
        outbox,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`,
      );
      await writeFile(file, info.message as Buffer);
      logger.info({ file }, 'e-mail written to the outbox');
    },
  };
};
