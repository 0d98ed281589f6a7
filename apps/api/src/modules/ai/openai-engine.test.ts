import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceTaxonomy } from '../taxonomy/taxonomy-data';
import { createProfileGenerator } from './ai-engine';

type Reply = { status: number; body?: string } | 'hang';

const replies: Reply[] = [];
const requests: unknown[] = [];
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    requests.push(JSON.parse(body));
    const reply = replies.shift() ?? { status: 500 };
    if (reply === 'hang') return;
    res.writeHead(reply.status, { 'content-type': 'application/json', 'retry-after-ms': '10' });
    res.end(reply.body ?? JSON.stringify({ error: { message: 'boom', type: 'server_error' } }));
  });
});

const completion = (content: string) =>
  JSON.stringify({
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_760_000_000,
    model: 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  });

const goodProfile = {
  summary: 'Plumber <script>alert(1)</script> see [my site](https://evil.example) for more.',
  skills: ['Plumbing', '<b>Tap repair</b>'],
  experience: '10 years',
  experienceYears: 10,
  specialties: ['![x](https://evil.example/x.png)Leak repair'],
  serviceAreas: ['Indiranagar'],
  pricing: { basePrice: 500, currency: 'INR', unit: 'service' },
  languages: ['Hindi'],
  category: { slug: 'plumbing', subcategory: 'tap-repair', confidence: 0.9 },
};

let generator: ReturnType<typeof createProfileGenerator>;
const input = { description: 'I am a plumber with 10 years experience', language: 'en' as const };

beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  generator = createProfileGenerator(
    {
      AI_PROVIDER: 'openai',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
      AI_MODEL: 'test-model',
    },
    { taxonomy: serviceTaxonomy, logger: pino({ level: 'silent' }), timeoutMs: 300 },
  );
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('openai profile engine', () => {
  it('when the model answers well, then the reply is validated and stripped of markup', async () => {
    replies.push({ status: 200, body: completion(JSON.stringify(goodProfile)) });
    const profile = await generator.generateProfile(input);
    expect(profile.engine).toBe('openai');
    expect(profile.summary).toBe('Plumber see my site for more.');
    expect(profile.skills).toEqual(['Plumbing', 'Tap repair']);
    expect(profile.specialties).toEqual(['Leak repair']);
    expect(profile.category).toEqual({
      slug: 'plumbing',
      subcategory: 'tap-repair',
      confidence: 0.9,
    });
    const request = requests.at(-1) as {
      response_format: { type: string; json_schema: { strict: boolean } };
      messages: { role: string; content: string }[];
    };
    expect(request.response_format.type).toBe('json_schema');
    expect(request.response_format.json_schema.strict).toBe(true);
    expect(request.messages[0]?.role).toBe('system');
    expect(request.messages[1]?.content).toContain(
      JSON.stringify({ description: input.description }),
    );
  });

  it('when the model names a category outside the taxonomy, then category is null', async () => {
    const reply = {
      ...goodProfile,
      category: { slug: 'hacking', subcategory: null, confidence: 1 },
    };
    replies.push({ status: 200, body: completion(JSON.stringify(reply)) });
    expect((await generator.generateProfile(input)).category).toBeNull();
  });

  it('when the reply is not JSON or has the wrong shape, then the local engine answers', async () => {
    replies.push({ status: 200, body: completion('Sure! Here is your profile: plumber') });
    expect((await generator.generateProfile(input)).engine).toBe('local');
    replies.push({ status: 200, body: completion(JSON.stringify({ summary: 42 })) });
    const profile = await generator.generateProfile(input);
    expect(profile.engine).toBe('local');
    expect(profile.experience).toContain('10 years');
  });

  it('when the first call fails with 500, then the retry succeeds', async () => {
    const before = requests.length;
    replies.push({ status: 500 }, { status: 200, body: completion(JSON.stringify(goodProfile)) });
    expect((await generator.generateProfile(input)).engine).toBe('openai');
    expect(requests.length - before).toBe(2);
  });

  it('when the server never answers, then the local engine answers within the time limit', async () => {
    replies.push('hang', 'hang');
    const started = Date.now();
    const profile = await generator.generateProfile(input);
    expect(profile.engine).toBe('local');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
