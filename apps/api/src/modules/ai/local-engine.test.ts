import { ZGeneratedProfile } from '@localkart/contracts/ai';
import { describe, expect, it } from 'vitest';
import { serviceTaxonomy } from '../taxonomy/taxonomy-data';
import { createLocalProfileGenerator } from './local-engine';

const engine = createLocalProfileGenerator({
  taxonomy: serviceTaxonomy,
  now: () => new Date('2026-03-01T00:00:00Z'),
});

describe('local profile engine', () => {
  it('when a plumber states 10 years (ERD §12.1), then skills include plumbing and experience says 10 years', async () => {
    const profile = await engine.generateProfile({
      description: 'I am a plumber with 10 years experience',
      language: 'en',
    });
    expect(ZGeneratedProfile.parse(profile)).toEqual(profile);
    expect(profile.skills.map((skill) => skill.toLowerCase())).toContain('plumbing');
    expect(profile.experience).toContain('10 years');
    expect(profile.category?.slug).toBe('plumbing');
    expect(profile.engine).toBe('local');
  });

  it('when the language is hi, then the summary is in Devanagari', async () => {
    const profile = await engine.generateProfile({
      description: 'Electrician, 12 saal ka experience, wiring aur fan fitting, 200 rs per visit',
      language: 'hi',
    });
    expect(profile.summary).toMatch(/[\u0900-\u097F]/u);
    expect(profile.summary).toContain('इलेक्ट्रीशियन');
    expect(profile.experienceYears).toBe(12);
  });

  it('when the description has phone numbers and an e-mail, then none reaches the output', async () => {
    const profile = await engine.generateProfile({
      description:
        'Plumber in Indiranagar 560038, call +91 98450-12345 or 9123456780, mail raju.plumber@gmail.com, 080-41234567',
      language: 'en',
    });
    const output = JSON.stringify(profile);
    for (const secret of ['98450', '12345', '9123456780', 'raju', 'gmail', '41234567']) {
      expect(output).not.toContain(secret);
    }
    expect(profile.serviceAreas).toEqual(expect.arrayContaining(['560038', 'Indiranagar']));
  });

  it('when the description gives Hindi number words, a start year or a price with a unit, then they are read', async () => {
    const since = await engine.generateProfile({
      description: 'AC repair since 2012, Rs. 300 per hour, hindi aur tamil bol leta hoon',
      language: 'en',
    });
    expect(since.experienceYears).toBe(14);
    expect(since.pricing).toEqual({ basePrice: 300, currency: 'INR', unit: 'hour' });
    expect(since.languages).toEqual(['Hindi', 'Tamil']);
    const hindi = await engine.generateProfile({
      description: 'पेंटर हूँ, दस साल का अनुभव, 400/- per sq ft',
      language: 'en',
    });
    expect(hindi.experienceYears).toBe(10);
    expect(hindi.pricing).toEqual({ basePrice: 400, currency: 'INR', unit: 'square_feet' });
  });

  it('when common words happen to be place names somewhere, then they are not service areas', async () => {
    const profile = await engine.generateProfile({
      description: 'Good cleaning service near market and station road, very honest worker',
      language: 'en',
    });
    expect(profile.serviceAreas).toEqual([]);
  });
});
