import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/users';
import { createBlindIndex } from '../../platform/crypto/field-encryption';
import { PROFILE_KEYS, registration, signIn, uniqueEmail } from '../../test-support/accounts';
import { startTestApp, type TestApp } from '../../test-support/test-app';

let app: TestApp;
let userId: string;
let email: string;
let accessToken: string;

beforeAll(async () => {
  app = await startTestApp();
  email = uniqueEmail('meera');
  const registered = await request(app.url)
    .post('/api/auth/register')
    .send(registration({ email, firstName: 'Meera', lastName: 'Nair', phone: '98765 43210' }))
    .expect(201);
  userId = registered.body.data.id;
  ({ accessToken } = await signIn(app, email));
});
afterAll(() => app.close());

const getProfile = (token = accessToken) =>
  request(app.url).get('/api/users/profile').set('Authorization', `Bearer ${token}`);
const putProfile = (body: unknown) =>
  request(app.url)
    .put('/api/users/profile')
    .set('Authorization', `Bearer ${accessToken}`)
    .send(body as object);

const storedRow = async () => {
  const [row] = await app.runtime.database.db.select().from(users).where(eq(users.id, userId));
  return row!;
};

describe('GET /api/users/profile', () => {
  it('when the signed-in user asks, then they get their own profile, built from explicit fields only', async () => {
    const res = await getProfile();
    expect(res.status).toBe(200);
    // The owner's own view adds their e-mail settings to the profile others get at sign-in.
    expect(Object.keys(res.body.data).sort()).toEqual(
      [...PROFILE_KEYS, 'notificationSettings'].sort(),
    );
    expect(res.body.data).toMatchObject({
      id: userId,
      email,
      role: 'customer',
      firstName: 'Meera',
      lastName: 'Nair',
      phone: '+919876543210',
      avatar: null,
      language: 'en',
      timeZone: 'Asia/Kolkata',
      location: null,
      isVerified: false,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash|cipher|phoneIndex|isActive/i);
  });

  it('when nobody is signed in, then 401', async () => {
    const res = await request(app.url).get('/api/users/profile');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('AUTHENTICATION_ERROR');
  });
});

describe('PUT /api/users/profile', () => {
  it('when editable fields change, then they are saved, normalised and returned', async () => {
    const change = {
      firstName: 'मीरा',
      lastName: "D'Souza-Nair",
      language: 'hi',
      timeZone: 'Asia/Kolkata',
      phone: '+91-91234-56789',
      location: {
        address: '12, 4th Cross, Indiranagar',
        city: 'Bengaluru',
        state: 'Karnataka',
        pincode: '560038',
        coordinates: { lat: 12.9719, lng: 77.6412 },
      },
    };
    const res = await putProfile(change);
    expect(res.status).toBe(200);
    const expected = { ...change, phone: '+919123456789' };
    expect(res.body.data).toMatchObject(expected);
    expect((await getProfile()).body.data).toMatchObject(expected);

    const cleared = await putProfile({ location: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.data).toMatchObject({ location: null, firstName: 'मीरा' });
  });

  it.each([
    ['role', 'admin'],
    ['isVerified', true],
    ['isActive', false],
    ['email', 'someone.else@example.in'],
    ['passwordHash', '$scrypt$ln=1,r=1,p=1$AAAA$AAAA'],
    ['id', '00000000-0000-4000-8000-000000000000'],
    ['rating', 5],
  ])(
    'when the body sets %s, then 400 naming that field and nothing is changed',
    async (field, value) => {
      const before = await storedRow();
      const res = await putProfile({ firstName: 'Changed', [field]: value });

      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(res.body.error.details).toEqual([
        { path: field, message: 'is not a field you can set', code: 'unrecognized_keys' },
      ]);
      const after = await storedRow();
      expect(after).toEqual(before);
    },
  );

  it('when a nested object carries an unknown field, then 400 names it by its path', async () => {
    const res = await putProfile({
      location: {
        address: '221B Park Street',
        city: 'Kolkata',
        state: 'West Bengal',
        pincode: '700016',
        coordinates: null,
        verified: true,
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ path: 'location.verified', code: 'unrecognized_keys' }),
    ]);
  });

  it('when phone, names, pincode or time zone are invalid, then 400 with a message for each', async () => {
    const res = await putProfile({
      phone: '12345',
      firstName: 'M',
      lastName: 'x'.repeat(51),
      timeZone: 'Mars/Olympus_Mons',
      location: {
        address: '12 MG Road',
        city: 'Pune',
        state: 'Maharashtra',
        pincode: '012345',
        coordinates: null,
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'phone',
          message: 'must be an Indian mobile number, e.g. +91 98765 43210',
        }),
        expect.objectContaining({ path: 'firstName', message: 'must be at least 2 characters' }),
        expect.objectContaining({ path: 'lastName', message: 'must be at most 50 characters' }),
        expect.objectContaining({
          path: 'timeZone',
          message: 'must be an IANA time zone such as Asia/Kolkata',
        }),
        expect.objectContaining({
          path: 'location.pincode',
          message: 'must be a 6-digit Indian pincode',
        }),
      ]),
    );
    expect(res.body.error.details).toHaveLength(5);

    const landline = await putProfile({ phone: '+91 22 2345 6789' });
    expect(landline.status).toBe(400);
    expect(landline.body.error.details).toEqual([expect.objectContaining({ path: 'phone' })]);
    const digitsInName = await putProfile({ firstName: 'R2D2' });
    expect(digitsInName.body.error.details).toEqual([
      expect.objectContaining({
        path: 'firstName',
        message: 'may contain letters, spaces, dots, apostrophes and hyphens',
      }),
    ]);
  });
});

describe('phone numbers at rest', () => {
  const blindIndex = () => createBlindIndex(app.runtime.config.BLIND_INDEX_KEY);

  it('when a phone number is saved, then the column holds ciphertext without the digits, and the blind index matches', async () => {
    await putProfile({ phone: '087654 32109' }).expect(200);
    const row = await storedRow();

    expect(row.phoneCiphertext).toBeTruthy();
    expect(row.phoneCiphertext).not.toContain('8765432109');
    expect(row.phoneCiphertext).not.toContain('+91');
    expect(
      Buffer.from(row.phoneCiphertext!.replaceAll('.', ''), 'base64').toString('latin1'),
    ).not.toContain('8765432109');
    expect(row.phoneKeyId).toBe(app.runtime.config.dataEncryptionKeys[0]!.id);
    expect(row.phoneIndex).toBe(blindIndex()('+918765432109'));
    expect((await getProfile()).body.data.phone).toBe('+918765432109');
  });

  it('when the same number is saved again, then the ciphertext changes (fresh IV) but the blind index does not', async () => {
    await putProfile({ phone: '+91 70000 12345' }).expect(200);
    const first = await storedRow();
    await putProfile({ phone: '7000012345' }).expect(200);
    const second = await storedRow();
    expect(second.phoneCiphertext).not.toBe(first.phoneCiphertext);
    expect(second.phoneIndex).toBe(first.phoneIndex);
    expect(second.phoneIndex).toBe(blindIndex()('+917000012345'));
  });

  it('when the registration number is stored, then it is encrypted the same way', async () => {
    const other = uniqueEmail('anil');
    await request(app.url)
      .post('/api/auth/register')
      .send(registration({ email: other, phone: '+91 99887 76655' }))
      .expect(201);
    const [row] = await app.runtime.database.db
      .select({ ciphertext: users.phoneCiphertext, index: users.phoneIndex })
      .from(users)
      .where(eq(users.email, other));
    expect(row?.ciphertext).not.toContain('9988776655');
    expect(row?.index).toBe(blindIndex()('+919988776655'));
  });

  it('when the phone is removed, then no ciphertext, key id or index is left', async () => {
    const res = await putProfile({ phone: null });
    expect(res.status).toBe(200);
    expect(res.body.data.phone).toBeNull();
    const row = await storedRow();
    expect([row.phoneCiphertext, row.phoneKeyId, row.phoneIndex]).toEqual([null, null, null]);
  });
});
