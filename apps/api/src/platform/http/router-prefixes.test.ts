import express, { Router, type RequestHandler } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { enteredByPrefix, routerKeys } from './router-prefixes';

const answer =
  (text: string): RequestHandler =>
  (_req, res) => {
    res.send(text);
  };

describe('routerKeys', () => {
  it('when every route and middleware path starts with fixed segments, then those are its keys', () => {
    const router = Router();
    router.use('/api/admin', (_req, _res, next) => next());
    router.get('/api/Bookings/:id', answer('booking'));
    router.post('/api/providers/:id/reviews', answer('review'));
    router.get(['/api/users/me', '/api/messages/conversations'], answer('many'));
    router.get('/Health', answer('health'));
    expect(routerKeys(router)).toEqual(
      new Set([
        '/api/admin',
        '/api/bookings',
        '/api/providers',
        '/api/users',
        '/api/messages',
        '/health',
      ]),
    );
  });

  it('when a path could match under other leading segments, then the router has no keys', () => {
    const catchAll: ((router: Router) => void)[] = [
      (router) => router.get('/api/:anything', answer('param')),
      (router) => router.get('/api/{*rest}', answer('wildcard')),
      (router) => router.use((_req, _res, next) => next()),
      (router) => router.use('/health', (_req, _res, next) => next()),
      (router) => router.get('/', answer('root')),
      (router) => router.get(/^\/api\/x/, answer('regexp')),
    ];
    for (const add of catchAll) {
      const router = Router();
      router.get('/api/fixed', answer('fixed'));
      add(router);
      expect(routerKeys(router)).toBeUndefined();
    }
  });
});

describe('enteredByPrefix', () => {
  const appWith = (...routers: Router[]) => {
    const app = express();
    for (const router of routers) app.use(enteredByPrefix(router));
    app.use((_req, res) => {
      res.status(404).send('none');
    });
    return app;
  };

  it('when a path is under a router’s keys, then its routes answer as Express matches them', async () => {
    const entered: string[] = [];
    const bookings = Router();
    bookings.use('/api/bookings', (req, _res, next) => {
      entered.push(req.originalUrl);
      next();
    });
    bookings.get('/api/bookings/:id', answer('booking'));
    expect((enteredByPrefix(bookings) as unknown as Router).stack).toBe(bookings.stack);
    const app = appWith(bookings);
    for (const path of [
      '/api/bookings/7',
      '/API/Bookings/7',
      '/api/bookings/7/',
      '/api/bookings/7?a=/b',
    ])
      expect((await request(app).get(path)).text).toBe('booking');
    expect(entered).toHaveLength(4);
  });

  it('when a path is under none of a router’s keys, then the router is not entered at all', async () => {
    let entered = 0;
    const bookings = Router();
    bookings.use('/api/bookings', (_req, _res, next) => {
      entered += 1;
      next();
    });
    bookings.get('/api/bookings/:id', answer('booking'));
    const search = Router();
    search.get('/api/search/providers', answer('search'));
    const app = appWith(bookings, search);
    expect((await request(app).get('/api/search/providers?q=a/b')).text).toBe('search');
    expect((await request(app).get('/api/bookingsx/7')).text).toBe('none');
    expect((await request(app).get('/api')).text).toBe('none');
    expect(entered).toBe(0);
  });

  it('when a route is a single segment, then it answers with or without a trailing slash, and nothing under it enters', async () => {
    let entered = 0;
    const health = Router();
    health.get('/health', (_req, res) => {
      entered += 1;
      res.send('ok');
    });
    const app = appWith(health);
    for (const path of ['/health', '/health/', '/HEALTH?full=1'])
      expect((await request(app).get(path)).text).toBe('ok');
    expect((await request(app).get('/health/deep')).text).toBe('none');
    expect((await request(app).get('/healthz')).text).toBe('none');
    expect(entered).toBe(3);
  });

  it('when a router has no keys, then every request enters it', async () => {
    const anywhere = Router();
    anywhere.get('/:page', answer('page'));
    const app = appWith(anywhere);
    expect((await request(app).get('/about')).text).toBe('page');
  });
});
