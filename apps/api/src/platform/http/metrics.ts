import type { Request, RequestHandler, Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export type Metrics = { registry: Registry; middleware: RequestHandler; handler: RequestHandler };

/** The matched route pattern, never the raw path, so ids do not explode label cardinality. */
const routeLabelOf = (req: Request): string => {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  return typeof pattern === 'string' ? `${req.baseUrl}${pattern}` : 'unmatched';
};

const startKey = Symbol('metricsStart');
type Timed = { [startKey]?: bigint };

/** A registry per app (not the global one), so tests can build many apps in one process. */
export const createMetrics = (): Metrics => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  // The histogram's `_count` series is the request count by route: a separate counter would
  // double the work on every response for the same number.
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  // One listener for every response (no closure per request); 'finish' fires at most once.
  function onFinish(this: Response & Timed) {
    const start = this[startKey];
    if (start === undefined) return;
    const req = this.req;
    const labels = {
      method: req.method,
      route: routeLabelOf(req),
      status: String(this.statusCode),
    };
    duration.observe(labels, Number(process.hrtime.bigint() - start) / 1e9);
  }

  const middleware: RequestHandler = (_req, res, next) => {
    (res as Response & Timed)[startKey] = process.hrtime.bigint();
    res.on('finish', onFinish);
    next();
  };

  const handler: RequestHandler = async (_req, res) => {
    res.setHeader('Content-Type', registry.contentType);
    res.send(await registry.metrics());
  };

  return { registry, middleware, handler };
};
