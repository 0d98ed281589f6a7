import request from 'supertest';
import type { TNotification } from '@localkart/contracts/notifications';
import type { MailMessage, Mailer } from '../../platform/mail/mailer';
import { eventually } from '../../test-support/http';
import type { TestApp } from '../../test-support/test-app';
import { auth } from '../providers/provider-test-support';

/**
 * A Mailer that keeps what it is asked to send. Per recipient, the first `failures(to)` sends
 * reject (a mail server refusing) and each send takes `delayMs(to)` (a slow one).
 */
export const recordingMailer = ({
  failures = () => 0,
  delayMs = () => 0,
}: { failures?: (to: string) => number; delayMs?: (to: string) => number } = {}) => {
  const sent: MailMessage[] = [];
  const attempts: { at: number; to: string }[] = [];
  const failed = new Map<string, number>();
  const mailer: Mailer & { sent: MailMessage[]; attempts: typeof attempts } = {
    kind: 'outbox',
    sent,
    attempts,
    send: async (message) => {
      attempts.push({ at: Date.now(), to: message.to });
      const delay = delayMs(message.to);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const failedSoFar = failed.get(message.to) ?? 0;
      if (failedSoFar < failures(message.to)) {
        failed.set(message.to, failedSoFar + 1);
        throw new Error('SMTP 451: try again later');
      }
      sent.push(message);
    },
  };
  return mailer;
};

export type RecordingMailer = ReturnType<typeof recordingMailer>;

export const notificationsOf = async (
  app: TestApp,
  user: { token: string },
  query = '',
): Promise<{ data: TNotification[]; meta: Record<string, number | boolean> }> => {
  const res = await request(app.url).get(`/api/notifications${query}`).set(auth(user));
  if (res.status !== 200) throw new Error(`list failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { data: TNotification[]; meta: Record<string, number | boolean> };
};

/** Waits until the user has a notification of `type` (created after an event) and returns it. */
export const waitForNotification = (
  app: TestApp,
  user: { token: string },
  type: TNotification['type'],
): Promise<TNotification> =>
  eventually(
    async () => {
      const found = (await notificationsOf(app, user, '?limit=50')).data.find(
        (n) => n.type === type,
      );
      if (!found) throw new Error(`no ${type} notification yet`);
      return found;
    },
    { timeoutMs: 10_000, intervalMs: 50 },
  );

/** Waits until `mailer` has sent `count` e-mails to `to`. */
export const waitForMails = (mailer: RecordingMailer, to: string, count = 1) =>
  eventually(
    () => {
      const mails = mailer.sent.filter((mail) => mail.to === to);
      if (mails.length < count) throw new Error(`${mails.length} of ${count} e-mails to ${to}`);
      return Promise.resolve(mails);
    },
    { timeoutMs: 10_000, intervalMs: 50 },
  );

/** Lets in-flight events and jobs run, for checks that something did NOT happen. */
export const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));
