import type { Response } from 'express';
import type { TPageMeta } from '@localkart/contracts/envelope';

/** Sends `{ success: true, data, meta? }`, the ERD §5.2 envelope. */
export const sendData = <T>(
  res: Response,
  data: T,
  { status = 200, meta }: { status?: number; meta?: Partial<TPageMeta> } = {},
): void => {
  res.status(status).json(meta ? { success: true, data, meta } : { success: true, data });
};
