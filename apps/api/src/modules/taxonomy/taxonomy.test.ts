import { ZTaxonomy } from '@localkart/contracts/taxonomy';
import { and, count, eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceCategories, serviceSubcategories } from '../../db/schema/taxonomy';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { seedTaxonomy } from './seed-taxonomy';
import { serviceTaxonomy } from './taxonomy-data';
import { findSubcategory } from './taxonomy.repo';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DEVANAGARI = /[\u0900-\u097F]/;
const LATIN = /[a-z]/i;
const UNITS = ['hour', 'service', 'square_feet'];

const subcategoryCount = serviceTaxonomy.reduce((sum, c) => sum + c.subcategories.length, 0);

/** Slugs of the categories where `word` is a synonym of the category or one of its subcategories. */
const categoriesFor = (word: string) =>
  serviceTaxonomy
    .filter((category) =>
      [category.synonyms, ...category.subcategories.map((sub) => sub.synonyms)]
        .flat()
        .some((synonym) => synonym.toLowerCase() === word.toLowerCase()),
    )
    .map((category) => category.slug);

describe('taxonomy data', () => {
  it('when counted, then there are at least 32 categories with 3–8 subcategories each', () => {
    expect(serviceTaxonomy.length).toBeGreaterThanOrEqual(32);
    for (const category of serviceTaxonomy) {
      expect(category.subcategories.length, category.slug).toBeGreaterThanOrEqual(3);
      expect(category.subcategories.length, category.slug).toBeLessThanOrEqual(8);
    }
  });

  it('when slugs are checked, then they are unique, kebab-case ASCII and fit their columns', () => {
    const slugs = serviceTaxonomy.map((category) => category.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const category of serviceTaxonomy) {
      expect(category.slug).toMatch(KEBAB);
      expect(category.slug.length).toBeLessThanOrEqual(48);
      const subSlugs = category.subcategories.map((sub) => sub.slug);
      expect(new Set(subSlugs).size, category.slug).toBe(subSlugs.length);
      for (const slug of subSlugs) {
        expect(slug).toMatch(KEBAB);
        expect(slug.length).toBeLessThanOrEqual(64);
      }
    }
  });

  it('when prices and units are checked, then every range is whole rupees with 0 < min ≤ max', () => {
    for (const item of serviceTaxonomy.flatMap((c) => [c, ...c.subcategories])) {
      const { min, max } = item.priceRupees;
      expect(Number.isInteger(min) && Number.isInteger(max), item.slug).toBe(true);
      expect(min, item.slug).toBeGreaterThan(0);
      expect(min, item.slug).toBeLessThanOrEqual(max);
      expect(UNITS).toContain('unit' in item ? item.unit : item.typicalUnit);
    }
  });

  it('when names and synonyms are checked, then each category speaks English, Hindi and Hinglish', () => {
    for (const category of serviceTaxonomy) {
      expect(category.nameEn, category.slug).toMatch(LATIN);
      expect(category.nameHi, category.slug).toMatch(DEVANAGARI);
      expect(category.descriptionEn.length, category.slug).toBeGreaterThan(10);
      expect(
        category.synonyms.some((s) => DEVANAGARI.test(s)),
        category.slug,
      ).toBe(true);
      expect(
        category.synonyms.some((s) => LATIN.test(s)),
        category.slug,
      ).toBe(true);
      const lowered = category.synonyms.map((s) => s.toLowerCase());
      expect(new Set(lowered).size, `${category.slug} repeats a synonym`).toBe(lowered.length);
      for (const sub of category.subcategories) {
        expect(sub.nameHi, sub.slug).toMatch(DEVANAGARI);
        expect(sub.synonyms.length, sub.slug).toBeGreaterThan(0);
      }
    }
  });

  it.each([
    ['nal', ['plumbing']],
    ['nal wala', ['plumbing']],
    ['tanki', ['plumbing']],
    ['नल', ['plumbing']],
    ['प्लंबर', ['plumbing']],
    ['plumbr', ['plumbing']],
    ['bijli', ['electrical']],
    ['bijli wala', ['electrical']],
    ['बिजली', ['electrical']],
    ['elecrician', ['electrical']],
    ['badhai', ['carpentry']],
    ['बढ़ई', ['carpentry']],
    ['mistri', ['carpentry', 'masonry-civil']],
    ['raj mistri', ['masonry-civil']],
    ['safai', ['home-cleaning']],
    ['सफाई', ['home-cleaning']],
    ['deemak', ['pest-control']],
    ['दीमक', ['pest-control']],
    ['AC service', ['ac-repair-service']],
    ['gas filling', ['ac-repair-service']],
    ['एसी', ['ac-repair-service']],
    ['rang', ['painting']],
    ['पेंटर', ['painting']],
    ['parlour', ['salon-women']],
    ['nai', ['salon-men']],
    ['tempo', ['packers-movers']],
    ['ट्यूशन', ['tutoring']],
    ['maharaj', ['cook-chef']],
    ['रसोइया', ['cook-chef']],
    ['ड्राइवर', ['driver']],
    ['dhobi', ['laundry-ironing']],
    ['istri', ['laundry-ironing']],
    ['mali', ['gardening']],
    ['माली', ['gardening']],
    ['aquaguard', ['ro-water-purifier']],
    ['chabi wala', ['locksmith']],
  ])('when someone types "%s", then it is a synonym of %j', (word, expected) => {
    expect(categoriesFor(word).sort()).toEqual([...expected].sort());
  });
});

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const db = () => app.runtime.database.db;
const tableCounts = async () => {
  const [categories] = await db().select({ n: count() }).from(serviceCategories);
  const [subcategories] = await db().select({ n: count() }).from(serviceSubcategories);
  return { categories: categories!.n, subcategories: subcategories!.n };
};

describe('GET /api/taxonomy', () => {
  it('when asked, then every category comes with its subcategories and prices in paise, cacheable', async () => {
    const res = await request(app.url).get('/api/taxonomy');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const categories = ZTaxonomy.parse(res.body.data);
    expect(categories.map((c) => c.slug)).toEqual(serviceTaxonomy.map((c) => c.slug));
    const plumbing = categories.find((c) => c.slug === 'plumbing')!;
    const source = serviceTaxonomy.find((c) => c.slug === 'plumbing')!;
    expect(plumbing).toMatchObject({
      names: { en: source.nameEn, hi: source.nameHi },
      unit: source.typicalUnit,
      priceRange: {
        minPaise: source.priceRupees.min * 100,
        maxPaise: source.priceRupees.max * 100,
        currency: 'INR',
      },
    });
    expect(plumbing.synonyms).toEqual(expect.arrayContaining(['nal', 'नल', 'plumbr']));
    expect(plumbing.subcategories.map((s) => s.slug)).toEqual(
      source.subcategories.map((s) => s.slug),
    );
    expect(plumbing.subcategories[0]!.priceRange.minPaise).toBe(
      source.subcategories[0]!.priceRupees.min * 100,
    );
  });
});

describe('seedTaxonomy', () => {
  it('when the app has started, then every category and subcategory is in the database', async () => {
    expect(await tableCounts()).toEqual({
      categories: serviceTaxonomy.length,
      subcategories: subcategoryCount,
    });
  });

  it('when run again, then nothing is added or changed', async () => {
    const before = await db().select().from(serviceSubcategories);
    expect(await seedTaxonomy(db())).toEqual({ categoriesAdded: 0, subcategoriesAdded: 0 });
    expect(await db().select().from(serviceSubcategories)).toEqual(before);
  });

  it('when an admin has edited rows, then seeding keeps the edits and only restores what is missing', async () => {
    await db()
      .update(serviceCategories)
      .set({ nameEn: 'Plumbing & sanitary', priceMinPaise: 25_000, synonyms: ['plumber'] })
      .where(eq(serviceCategories.slug, 'plumbing'));
    await db()
      .update(serviceSubcategories)
      .set({ isActive: false })
      .where(
        and(
          eq(serviceSubcategories.categorySlug, 'electrical'),
          eq(serviceSubcategories.slug, 'doorbell-installation'),
        ),
      );
    await db()
      .delete(serviceSubcategories)
      .where(
        and(
          eq(serviceSubcategories.categorySlug, 'locksmith'),
          eq(serviceSubcategories.slug, 'key-duplication'),
        ),
      );

    expect(await seedTaxonomy(db())).toEqual({ categoriesAdded: 0, subcategoriesAdded: 1 });
    expect(await seedTaxonomy(db())).toEqual({ categoriesAdded: 0, subcategoriesAdded: 0 });

    const [plumbing] = await db()
      .select()
      .from(serviceCategories)
      .where(eq(serviceCategories.slug, 'plumbing'));
    expect(plumbing).toMatchObject({
      nameEn: 'Plumbing & sanitary',
      priceMinPaise: 25_000,
      synonyms: ['plumber'],
    });
    expect(await findSubcategory(db(), 'electrical', 'doorbell-installation')).toBeUndefined();
    expect(await findSubcategory(db(), 'locksmith', 'key-duplication')).toBeDefined();
    expect(await tableCounts()).toEqual({
      categories: serviceTaxonomy.length,
      subcategories: subcategoryCount,
    });
  });

  it('when a subcategory or its category is deactivated, then the API and lookups leave it out', async () => {
    await db()
      .update(serviceCategories)
      .set({ isActive: false })
      .where(eq(serviceCategories.slug, 'tailoring'));
    const res = await request(app.url).get('/api/taxonomy').expect(200);
    const categories = ZTaxonomy.parse(res.body.data);
    expect(categories.map((c) => c.slug)).not.toContain('tailoring');
    const electrical = categories.find((c) => c.slug === 'electrical')!;
    expect(electrical.subcategories.map((s) => s.slug)).not.toContain('doorbell-installation');
    expect(categories.find((c) => c.slug === 'plumbing')!.names.en).toBe('Plumbing & sanitary');
    expect(await findSubcategory(db(), 'tailoring', 'alterations')).toBeUndefined();
  });
});

describe('findSubcategory', () => {
  it('when the pair exists, then its unit and price range in paise are returned', async () => {
    expect(await findSubcategory(db(), 'ac-repair-service', 'ac-gas-filling')).toMatchObject({
      categorySlug: 'ac-repair-service',
      slug: 'ac-gas-filling',
      unit: 'service',
      priceMinPaise: 200_000,
      priceMaxPaise: 450_000,
    });
  });

  it('when the subcategory belongs to another category or does not exist, then undefined', async () => {
    expect(await findSubcategory(db(), 'plumbing', 'ac-gas-filling')).toBeUndefined();
    expect(await findSubcategory(db(), 'plumbing', 'no-such-thing')).toBeUndefined();
    expect(await findSubcategory(db(), 'no-such-category', 'tap-repair')).toBeUndefined();
  });
});
