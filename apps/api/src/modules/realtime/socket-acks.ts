import type { TSocketAck } from '@localkart/contracts/realtime';
import { ErrorCode } from '../../platform/errors';
import { toAppError } from '../../platform/http/error-handler';
import type { Logger } from '../../platform/logger';

/**
 * Runs a client event's work and answers its acknowledgement in the envelope's shape: domain and
 * validation errors as the REST API words them, anything else as an internal error (logged,
 * never sent). A client that sends no callback gets nothing back.
 */
export const answer = <T>(
  logger: Logger,
  ack: ((answer: TSocketAck<T>) => void) | undefined,
  work: () => Promise<T>,
): void => {
  const reply = typeof ack === 'function' ? ack : () => undefined;
  work().then(
    (data) => reply({ success: true, data }),
    (error: unknown) => {
      const known = toAppError(error);
      if (!known) {
        logger.error({ err: error }, 'socket event failed');
        reply({
          success: false,
          error: {
            code: ErrorCode.INTERNAL_SERVER_ERROR,
            message: 'Something went wrong on our side',
          },
        });
        return;
      }
      reply({
        success: false,
        error: {
          code: known.code,
          message: known.message,
          ...(known.details === undefined ? {} : { details: known.details }),
        },
      });
    },
  );
};
