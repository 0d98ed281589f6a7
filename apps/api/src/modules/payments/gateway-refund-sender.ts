import { inTransaction, type Db } from '../../db/client';
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
 * Sends the refunds that ledger refunds leave in `gateway_refunds` to the gateway, after their
 * transaction commits: each in a transaction of its own that holds only that row, with our refund
 * id as the gateway's idempotency key, so a retry after a lost answer or a crash never refunds
 * twice. `sendDue` runs every due refund; `sendSoon` starts it without waiting, one run at a time.
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
  const sendNext = () =>
    inTransaction(db, async (tx) => {
      const refund = await claimDueGatewayRefund(tx);
      if (!refund) return false;
      const attempts = refund.attempts + 1;
      const context = { refundId: refund.id, bookingId: refund.bookingId, attempts };
      try {
        const { gatewayRefundId } = await attempt(refund);
        await updateGatewayRefund(tx, refund.id, {
          status: 'sent',
          gatewayRefundId,
          attempts,
          lastError: null,
        });
        logger.info({ ...context, gatewayRefundId }, 'refund sent to the gateway');
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const giveUp = !worthRetrying(error) || attempts >= retry.attempts;
        await updateGatewayRefund(tx, refund.id, {
          attempts,
          lastError: message,
          ...(giveUp
            ? { status: 'failed' }
            : { nextAttemptAt: new Date(Date.now() + backoffDelay(retry, attempts)) }),
        });
        if (giveUp)
          logger.error(
            { ...context, err: error },
            'gateway refund failed; an admin must settle it',
          );
        else logger.warn({ ...context, err: error }, 'gateway refund failed; retrying later');
      }
      return true;
    });

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
