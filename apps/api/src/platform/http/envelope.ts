import type { Response } from 'express';
import type { TPageMeta } from '@localkart/contracts/envelope';
import { endWithJson } from './json-response';

type EnvelopeOptions = { status?: number; meta?: Partial<TPageMeta> };

const envelopeOf = <T>(data: T, meta: Partial<TPageMeta> | undefined) =>
  meta ? { success: true, data, meta } : { success: true, data };

/** Sends `{ success: true, data, meta? }`, the ERD §5.2 envelope. */
export const sendData = <T>(
  res: Response,
  data: T,
  { status = 200, meta }: EnvelopeOptions = {},
) => {
  res.status(status).json(envelopeOf(data, meta));
};

/** The envelope `sendData` would send, as JSON text: for responses cached already serialised. */
export const envelopeJson = <T>(data: T, { meta }: Pick<EnvelopeOptions, 'meta'> = {}): string =>
  JSON.stringify(envelopeOf(data, meta));

/** Sends an envelope made by `envelopeJson`, as is. */
export const sendEnvelopeJson = (res: Response, json: string, status = 200): void => {
  res.status(status);
  endWithJson(res, json);
};
