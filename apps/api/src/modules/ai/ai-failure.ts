import OpenAI from 'openai';
import { z } from 'zod';

/** Why a call to the language model gave nothing usable, for a log line without the reply. */
export const aiFailureReason = (error: unknown): string =>
  error instanceof SyntaxError
    ? 'malformed JSON'
    : error instanceof z.ZodError
      ? 'reply did not match the schema'
      : error instanceof OpenAI.APIError
        ? `API error ${error.status ?? error.name}`
        : error instanceof Error
          ? error.name
          : 'unknown';
