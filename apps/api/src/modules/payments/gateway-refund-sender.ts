import type { Db } from '../../db/client';
import { AppError, ErrorCode } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import { backoffDelay, type RetryPolicy } from '../../platform/queue/job-queue';
import type { PaymentGateway } from './payment-gateway';
import { claimDueGatewayRefund, updateGatewayRefund, type GatewayRefundRow } from './payments.repo';

/** Gateway outages can last hours: 8 attempts from 30 s apart span about two hours. */
export const DEFAULT_REFUND_RETRY: RetryPolicy = { attempts: 8, backoffMs: 30_000 };

/** Only an unreachable or failing gateway is worth asking again; a refusal stays a refusal. */
const worthRetrying = (error: unknown) =>
  error instanceof AppError && error.code === ErrorCode.SERVICE_UNAVAILABLE;

/**
 * How long a claimed refund stays with its sender: far beyond a gateway call's timeout, so only a
 * sender that died mid-call (a crash, a deploy) loses it, and another then sends it again.
 */
const CLAIM_LEASE_SECONDS = 5 * 60;

/** Logged when an attempt's answer comes after its claim lapsed and another attempt took over. */
const TAKEN_OVER = 'gateway answered after another attempt took the refund over; nothing recorded';

/**
 * Sends the refunds that ledger refunds leave in `gateway_refunds` to the gateway, after their
 * transaction commits, one at a time, with our refund id as the gateway's idempotency key, so a
 * retry after a lost answer, a crash or a lapsed claim never refunds twice. A refund is claimed
 * for one attempt (its next attempt moved ahead) before the call, and no row lock or pooled
 * connection is held while the gateway answers. `sendDue` runs every due refund; `sendSoon`
 * starts it without waiting, one run at a time.
 */
export const createGatewayRefundSender = ({
  db,
  gateway,
  logger,
  retry = DEFAULT_REFUND_RETRY,
}: {
  db: Db;
  gateway: PaymentGateway;
  logger: Logger;
  retry?: RetryPolicy | undefined;
}) => {
  const attempt = async (refund: GatewayRefundRow) => {
    if (refund.gateway !== gateway.name) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `The payment was taken by ${refund.gateway}, not ${gateway.name}`,
      );
    }
    return gateway.refund({
      gatewayPaymentId: refund.gatewayPaymentId,
      amountPaise: refund.amountPaise,
      receipt: refund.id,
      notes: { bookingId: refund.bookingId },
    });
  };

  /** Sends the next due refund; false when none is due. */
  const sendNext = async () => {
    const refund = await claimDueGatewayRefund(db, CLAIM_LEASE_SECONDS);
    if (!refund) return false;
    const { attempts } = refund;
    const context = { refundId: refund.id, bookingId: refund.bookingId, attempts };
    let outcome: { gatewayRefundId: string } | { error: unknown };
    try {
      outcome = await attempt(refund);
    } catch (error) {
      outcome = { error };
    }
    if ('gatewayRefundId' in outcome) {
      const { gatewayRefundId } = outcome;
      const recorded = await updateGatewayRefund(db, refund, {
        status: 'sent',
        gatewayRefundId,
        lastError: null,
      });
      if (recorded) logger.info({ ...context, gatewayRefundId }, 'refund sent to the gateway');
      else logger.warn({ ...context, gatewayRefundId }, TAKEN_OVER);
      return true;
    }
    const { error } = outcome;
    const giveUp = !worthRetrying(error) || attempts >= retry.attempts;
    const recorded = await updateGatewayRefund(db, refund, {
      lastError: error instanceof Error ? error.message : String(error),
      ...(giveUp
        ? { status: 'failed' }
        : { nextAttemptAt: new Date(Date.now() + backoffDelay(retry, attempts)) }),
    });
    if (!recorded) logger.warn({ ...context, err: error }, TAKEN_OVER);
    else if (giveUp)
      logger.error({ ...context, err: error }, 'gateway refund failed; an admin must settle it');
    else logger.warn({ ...context, err: error }, 'gateway refund failed; retrying later');
    return true;
  };

  const sendDue = async (): Promise<number> => {
    let sent = 0;
    while (await sendNext()) sent += 1;
    return sent;
  };

  let running: Promise<unknown> | undefined;
  let again = false;
  const sendSoon = () => {
    if (running) {
      again = true;
      return;
    }
    running = sendDue()
      .catch((error: unknown) => logger.warn({ err: error }, 'gateway refunds not sent'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          sendSoon();
        }
      });
  };

  return { sendDue, sendSoon };
};

export type GatewayRefundSender = ReturnType<typeof createGatewayRefundSender>;
