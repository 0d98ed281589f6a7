import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { todayIn } from './provider-schedule.service';
import { auth, seedTestTaxonomy, signedInProvider } from './provider-test-support';

const daysFromNow = (days: number) =>
  todayIn('Asia/Kolkata', new Date(Date.now() + days * 24 * 60 * 60 * 1000));

describe('providers: weekly availability and exceptions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_RATE_LIMIT_MAX: '1000' } });
    await seedTestTaxonomy(app);
  });
  afterAll(() => app.close());

  it('when the schedule is replaced, then the profile and public page show it', async () => {
    const provider = await signedInProvider(app);
    const slots = [
      { day: 'monday', start: '09:00', end: '13:00' },
      { day: 'monday', start: '13:00', end: '18:00' },
      { day: 'saturday', start: '10:00', end: '14:00' },
    ];
    const res = await request(app.url)
      .put('/api/providers/availability')
      .set(auth(provider))
      .send({ slots })
      .expect(200);
    expect(res.body.data).toEqual(slots);
    await request(app.url)
      .put('/api/providers/availability')
      .set(auth(provider))
      .send({ slots: slots.slice(2) })
      .expect(200);
    const page = await request(app.url).get(`/api/providers/${provider.providerId}`).expect(200);
    expect(page.body.data.availability).toEqual(slots.slice(2));
  });

  it('when a slot ends before it starts or two slots overlap, then 400 and nothing changes', async () => {
    const provider = await signedInProvider(app);
    const backwards = await request(app.url)
      .put('/api/providers/availability')
      .set(auth(provider))
      .send({ slots: [{ day: 'monday', start: '18:00', end: '09:00' }] })
      .expect(400);
    expect(backwards.body.error.details[0].path).toBe('slots.0.end');
    const overlap = await request(app.url)
      .put('/api/providers/availability')
      .set(auth(provider))
      .send({
        slots: [
          { day: 'tuesday', start: '09:00', end: '13:00' },
          { day: 'tuesday', start: '12:00', end: '15:00' },
        ],
      })
      .expect(400);
    expect(overlap.body.error.details[0]).toMatchObject({ path: 'slots.1', code: 'overlap' });
    await request(app.url)
      .put('/api/providers/availability')
      .set(auth(provider))
      .send({ slots: [{ day: 'funday', start: '09:00', end: '10:00' }] })
      .expect(400);
    const profile = await request(app.url).get('/api/providers/profile').set(auth(provider));
    expect(profile.body.data.availability).toEqual([]);
  });

  it('when exceptions are added, then they are listed, shown as dates on the public page, and removable', async () => {
    const provider = await signedInProvider(app);
    const leave = await request(app.url)
      .post('/api/providers/availability/exceptions')
      .set(auth(provider))
      .send({ date: daysFromNow(3), reason: 'leave', note: 'Family wedding in Mysuru' })
      .expect(201);
    expect(leave.body.data).toMatchObject({
      allDay: true,
      start: null,
      end: null,
      reason: 'leave',
    });
    await request(app.url)
      .post('/api/providers/availability/exceptions')
      .set(auth(provider))
      .send({ date: daysFromNow(5), allDay: false, start: '14:00', end: '17:00', reason: 'other' })
      .expect(201);

    const list = await request(app.url)
      .get('/api/providers/availability/exceptions')
      .set(auth(provider))
      .expect(200);
    expect(list.body.data).toHaveLength(2);
    expect(list.body.data[1]).toMatchObject({ start: '14:00', end: '17:00' });

    const page = await request(app.url).get(`/api/providers/${provider.providerId}`).expect(200);
    expect(page.body.data.unavailableDates).toEqual([
      { date: daysFromNow(3), allDay: true },
      { date: daysFromNow(5), allDay: false },
    ]);
    expect(JSON.stringify(page.body.data)).not.toContain('Mysuru');

    const other = await signedInProvider(app);
    const id = leave.body.data.id as string;
    await request(app.url)
      .delete(`/api/providers/availability/exceptions/${id}`)
      .set(auth(other))
      .expect(404);
    await request(app.url)
      .delete(`/api/providers/availability/exceptions/${id}`)
      .set(auth(provider))
      .expect(204);
  });

  it('when an exception is in the past or its times are inconsistent, then 400', async () => {
    const provider = await signedInProvider(app);
    for (const body of [
      { date: daysFromNow(-2), reason: 'holiday' },
      { date: daysFromNow(2), allDay: false, reason: 'other' },
      { date: daysFromNow(2), allDay: false, start: '17:00', end: '10:00', reason: 'other' },
      { date: daysFromNow(2), start: '10:00', end: '12:00', reason: 'other' },
      { date: daysFromNow(2), reason: 'vacation' },
    ]) {
      await request(app.url)
        .post('/api/providers/availability/exceptions')
        .set(auth(provider))
        .send(body)
        .expect(400);
    }
  });
});
