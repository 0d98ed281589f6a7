import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestUser, signIn } from '../../test-support/accounts';
import { startTestApp, type TestApp } from '../../test-support/test-app';

let app: TestApp;
let accessToken: string;

beforeAll(async () => {
  app = await startTestApp();
  const user = await insertTestUser(app);
  ({ accessToken } = await signIn(app, user.email));
});
afterAll(() => app.close());

const generate = (body: unknown, token: string | undefined = accessToken) => {
  const call = request(app.url)
    .post('/api/providers/generate-profile')
    .send(body as object);
  return token ? call.set('Authorization', `Bearer ${token}`) : call;
};

describe('POST /api/providers/generate-profile', () => {
  it('when a plumber describes their work (ERD §12.1), then the draft names the skill, the years and the category', async () => {
    const res = await generate({ description: 'I am a plumber with 10 years experience' }).expect(
      200,
    );
    const profile = res.body.data as {
      skills: string[];
      experience: string;
      category: { slug: string };
      engine: string;
    };
    expect(profile.skills.map((s) => s.toLowerCase())).toContain('plumbing');
    expect(profile.experience).toContain('10 years');
    expect(profile.category.slug).toBe('plumbing');
    expect(profile.engine).toBe('local');
  });

  it('when Hindi is asked for, then the summary is written in Devanagari', async () => {
    const res = await generate({
      description:
        'bijli ka kaam karta hoon, wiring aur fan fitting, 8 saal ka experience, Koramangala',
      language: 'hi',
    }).expect(200);
    expect(res.body.data.category.slug).toBe('electrical');
    expect(res.body.data.summary).toMatch(/[\u0900-\u097F]/);
  });

  it('when the description carries a phone number, then it never appears in the draft', async () => {
    const res = await generate({
      description: 'AC service and gas filling, call 98450 12345, ₹499 per visit',
    }).expect(200);
    expect(JSON.stringify(res.body.data)).not.toMatch(/98450|12345/);
  });

  it('when the input is invalid or unknown fields are sent, then 400 names the field', async () => {
    const short = await generate({ description: 'hi' }).expect(400);
    expect(short.body.error.details[0].path).toBe('description');
    const language = await generate({ description: 'I fix taps and pipes', language: 'fr' }).expect(
      400,
    );
    expect(language.body.error.details[0].path).toBe('language');
    await generate({ description: 'I fix taps and pipes', engine: 'openai' }).expect(400);
  });

  it('when nobody is signed in, then 401', async () => {
    await generate({ description: 'I am a plumber with 10 years experience' }, '').expect(401);
  });
});

describe('saving the reviewed draft', () => {
  it('when a provider saves an edited draft, then it is stored and shown on the public page; markup-free limits apply', async () => {
    const draft = (
      await generate({ description: 'plumber, 12 saal, tap repair and bathroom fitting' }).expect(
        200,
      )
    ).body.data;
    await request(app.url)
      .post('/api/providers/register')
      .set('Authorization', `Bearer ${accessToken}`)
      .send({
        businessName: 'Sharma Plumbing Works',
        service: {
          categorySlug: 'plumbing',
          subcategorySlug: 'tap-repair',
          title: 'Tap repair',
          basePricePaise: 39900,
        },
        serviceArea: { pincodes: ['560038'], radiusKm: 5 },
      })
      .expect(201);
    const saved = {
      summary: `${draft.summary} Same-day visits in Indiranagar.`,
      skills: draft.skills,
      experience: draft.experience,
      specialties: draft.specialties,
    };
    const put = await request(app.url)
      .put('/api/providers/profile')
      .set('Authorization', `Bearer ${accessToken}`)
      .send({ aiGeneratedProfile: saved })
      .expect(200);
    expect(put.body.data.aiGeneratedProfile).toEqual(saved);

    const page = await request(app.url).get(`/api/providers/${put.body.data.id}`).expect(200);
    expect(page.body.data.aiGeneratedProfile.summary).toBe(saved.summary);

    const tooLong = await request(app.url)
      .put('/api/providers/profile')
      .set('Authorization', `Bearer ${accessToken}`)
      .send({ aiGeneratedProfile: { ...saved, summary: 'x'.repeat(601) } })
      .expect(400);
    expect(tooLong.body.error.details[0].path).toBe('aiGeneratedProfile.summary');
  });
});
