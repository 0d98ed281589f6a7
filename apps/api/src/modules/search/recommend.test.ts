import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TAiRecommendationsResult } from '@localkart/contracts/search-recommendations';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { HERE, insertProvider } from './recommend.test-support';

const STAR = { average: 4.8, count: 200 };
let app: TestApp;
const ids: Record<string, string> = {};

const recommend = async (target: TestApp, body: Record<string, unknown>) => {
  const res = await request(target.url).post('/api/search/ai-recommendations').send(body);
  return {
    status: res.status,
    body: res.body as {
      success: boolean;
      data: TAiRecommendationsResult;
      error?: { code: string; details?: unknown };
    },
  };
};

const seedProviders = async (target: TestApp) => {
  ids.best = await insertProvider(target, { name: 'Tap Masters', rating: STAR });
  ids.oneReview = await insertProvider(target, {
    name: 'One Review Plumbing',
    rating: { average: 5, count: 1 },
  });
  ids.costly = await insertProvider(target, {
    name: 'Costly Pipes',
    rating: STAR,
    pricePaise: 90_000,
  });
  ids.morning = await insertProvider(target, {
    name: 'Morning Plumbers',
    rating: STAR,
    hours: ['08:00', '12:00'],
    km: 1.5,
  });
  ids.electric = await insertProvider(target, {
    name: 'Bright Sparks',
    category: 'electrical',
    subcategory: 'fan-installation',
    rating: STAR,
  });
};

beforeAll(async () => {
  app = await startTestApp();
  await seedProviders(app);
}, 60_000);
afterAll(() => app.close());

describe('POST /api/search/ai-recommendations', () => {
  it('when the text names a job, a time and a budget, then matches are explained, ordered and respect both', async () => {
    const { status, body } = await recommend(app, {
      requirements: 'kitchen tap leaking badly, need someone this evening, budget 500',
      location: HERE,
      limit: 10,
    });
    expect(status).toBe(200);
    const { intent, matches, engine } = body.data;
    expect(engine).toBe('local');
    expect(intent.category?.slug).toBe('plumbing');
    expect(intent.budget).toEqual({ paise: 50_000, currency: 'INR', unit: null });
    expect(intent.when?.time).toBeDefined();
    expect(intent.summary).toContain('Plumbing');
    expect(intent.summary).toContain('up to ₹500');
    const names = matches.map((m) => m.provider.businessName);
    expect(names).not.toContain('Bright Sparks');
    expect(names.slice(0, 2)).toEqual(['Tap Masters', 'One Review Plumbing']);
    const scores = matches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const match of matches) {
      expect(Number.isInteger(match.score)).toBe(true);
      expect(match.reason.length).toBeGreaterThan(10);
      expect(match.reason.length).toBeLessThanOrEqual(160);
    }
    const byName = Object.fromEntries(matches.map((m) => [m.provider.businessName, m]));
    expect(byName['Costly Pipes']!.fit.withinBudget).toBe(false);
    expect(byName['Costly Pipes']!.reason).toContain('above your ₹500 budget');
    expect(byName['Morning Plumbers']!.fit.availableAtWantedTime).toBe(false);
    expect(byName['Morning Plumbers']!.reason).toContain('not free');
    expect(byName['Tap Masters']!.fit).toEqual({
      offersWantedService: true,
      withinBudget: true,
      availableAtWantedTime: true,
    });
  });

  it('when two providers differ only in reviews, then 200 × 4.8★ ranks above 1 × 5★', async () => {
    const { body } = await recommend(app, {
      requirements: 'tap repair',
      location: { pincode: '560038' },
      limit: 10,
    });
    const names = body.data.matches.map((m) => m.provider.businessName);
    expect(names.indexOf('Tap Masters')).toBeLessThan(names.indexOf('One Review Plumbing'));
    const score = (name: string) =>
      body.data.matches.find((m) => m.provider.businessName === name)!.score;
    expect(score('Tap Masters')).toBeGreaterThan(score('One Review Plumbing'));
  });

  it('when an explicit time is given, then availability is judged at that time', async () => {
    const { body } = await recommend(app, {
      requirements: 'plumber for tap repair',
      location: HERE,
      when: { date: '2030-01-07', time: '10:00' },
      limit: 10,
    });
    const morning = body.data.matches.find((m) => m.provider.businessName === 'Morning Plumbers');
    expect(morning?.fit.availableAtWantedTime).toBe(true);
    expect(body.data.intent.when).toMatchObject({ date: '2030-01-07', time: '10:00' });
  });

  it('when the request is invalid, then 400 in the envelope with field details', async () => {
    const cases = [
      { requirements: 'tap', location: HERE, extra: true },
      { requirements: 'ok', location: HERE },
      { requirements: 'x'.repeat(1001), location: HERE },
      { requirements: 'tap repair', location: { pincode: '560038', lat: 1, lng: 2 } },
      { requirements: 'tap repair', location: HERE, when: 'tomorrow' },
      { requirements: 'tap repair' },
    ];
    for (const body of cases) {
      const res = await recommend(app, body);
      expect(res.status).toBe(400);
      expect(res.body.success).toBe(false);
      expect(res.body.error?.code).toBe('VALIDATION_ERROR');
    }
  });
});

describe('POST /api/search/ai-recommendations with AI_PROVIDER=openai', () => {
  type Reply = { status: number; body?: string };
  const replies: Reply[] = [];
  const requests: { messages: { content: string }[]; response_format: { type: string } }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push(JSON.parse(body) as (typeof requests)[number]);
      const reply = replies.shift() ?? { status: 500 };
      res.writeHead(reply.status, { 'content-type': 'application/json', 'retry-after-ms': '10' });
      res.end(reply.body ?? JSON.stringify({ error: { message: 'boom', type: 'server_error' } }));
    });
  });
  const completion = (content: unknown) =>
    JSON.stringify({
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1_760_000_000,
      model: 'test-model',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: JSON.stringify(content) },
          finish_reason: 'stop',
        },
      ],
    });
  let aiApp: TestApp;

  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    aiApp = await startTestApp({
      env: {
        AI_PROVIDER: 'openai',
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
        AI_MODEL: 'test-model',
      },
    });
    await seedProviders(aiApp);
  }, 60_000);
  afterAll(async () => {
    await aiApp.close();
    server.closeAllConnections();
    server.close();
  });

  const body = { requirements: 'tap leaking, budget 500', location: HERE, limit: 3 };

  it('when the model ranks well, then its order is used and its reasons are stripped of markup', async () => {
    replies.push({
      status: 200,
      body: completion({
        matches: [
          {
            providerId: ids.costly,
            score: 91,
            reason: 'Best <b>fit</b> [see](https://evil.example) for leaks',
          },
          { providerId: ids.best, score: 80, reason: 'Good and cheap' },
        ],
      }),
    });
    const { status, body: res } = await recommend(aiApp, body);
    expect(status).toBe(200);
    expect(res.data.engine).toBe('openai');
    expect(res.data.matches.map((m) => m.provider.businessName)).toEqual([
      'Costly Pipes',
      'Tap Masters',
      'Morning Plumbers',
    ]);
    expect(res.data.matches[0]!.reason).toBe('Best fit see for leaks');
    const scores = res.data.matches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const sent = requests.at(-1)!;
    expect(sent.response_format.type).toBe('json_schema');
    expect(sent.messages[1]!.content).toContain(
      JSON.stringify({ requirements: body.requirements }),
    );
  });

  it('when the model fails, answers nonsense or names unknown providers, then the local ranking answers', async () => {
    replies.push({ status: 500 }, { status: 500 });
    const failed = await recommend(aiApp, body);
    replies.push({
      status: 200,
      body: completion({ matches: [{ providerId: 'x', score: 300, reason: 1 }] }),
    });
    const malformed = await recommend(aiApp, body);
    replies.push({
      status: 200,
      body: completion({
        matches: [{ providerId: '00000000-0000-0000-0000-000000000000', score: 99, reason: 'hi' }],
      }),
    });
    const unknown = await recommend(aiApp, body);
    for (const res of [failed, malformed, unknown]) {
      expect(res.status).toBe(200);
      expect(res.body.data.engine).toBe('local');
      expect(res.body.data.matches[0]!.provider.businessName).toBe('Tap Masters');
    }
  });
});
