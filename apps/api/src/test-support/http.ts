import { createServer as createNetServer, type AddressInfo } from 'node:net';

export type JsonResponse = {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
  elapsedMs: number;
};

/** GET `url` and parse the body as JSON; rejects if no answer comes within `timeoutMs`. */
export const getJson = async (url: string, timeoutMs = 5000): Promise<JsonResponse> => {
  const start = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return {
    status: response.status,
    headers: response.headers,
    body,
    text,
    elapsedMs: performance.now() - start,
  };
};

/** Retries `check` every `intervalMs` until it stops throwing, or rethrows after `timeoutMs`. */
export const eventually = async <T>(
  check: () => Promise<T>,
  { timeoutMs = 15_000, intervalMs = 250 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
};

/** A port on 127.0.0.1 that was free a moment ago (and nothing listens on now). */
export const findFreePort = async (): Promise<number> => {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};
