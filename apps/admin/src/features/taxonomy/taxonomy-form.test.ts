import { describe, expect, it } from 'vitest';
import {
  ZCreateCategoryRequest,
  ZUpdateSubcategoryRequest,
  type TAdminCategory,
} from '@localkart/contracts/admin';
import { messagesByPath } from '../../components/form-values';
import {
  changeBody,
  createBody,
  formErrorsOf,
  formValuesOf,
  rupeesToPaise,
  synonymsOf,
} from './taxonomy-form';

const category: TAdminCategory = {
  slug: 'plumbing',
  names: { en: 'Plumbing', hi: 'प्लंबिंग' },
  description: 'Taps and pipes',
  unit: 'service',
  priceRange: { minPaise: 29_900, maxPaise: 150_050 },
  synonyms: ['plumber', 'nal'],
  sortOrder: 1,
  isActive: true,
  subcategories: [],
};

describe('rupeesToPaise', () => {
  it('when rupees are typed, then they become whole paise without float error', () => {
    expect(rupeesToPaise('19.99')).toBe(1999);
    expect(rupeesToPaise('₹1,499.5')).toBe(149_950);
    expect(rupeesToPaise(' 300 ')).toBe(30_000);
  });

  it('when the text is empty, words or too precise, then the contract is left to refuse it', () => {
    expect(rupeesToPaise('')).toBeUndefined();
    expect(rupeesToPaise('abc')).toBeNaN();
    expect(Number.isInteger(rupeesToPaise('1.005'))).toBe(false);
  });
});

describe('synonymsOf', () => {
  it('when words are on lines or between commas, then each is one synonym, blanks dropped', () => {
    expect(synonymsOf('plumber, nal\n\n  नल ,')).toEqual(['plumber', 'nal', 'नल']);
  });
});

describe('createBody', () => {
  it('when the form is filled, then the contract accepts the body', () => {
    const values = {
      ...formValuesOf(),
      slug: 'roof-repair',
      nameEn: 'Roof repair',
      nameHi: 'छत मरम्मत',
      minRupees: '500',
      maxRupees: '2500.50',
      synonyms: 'roof, chhat',
    };
    const parsed = ZCreateCategoryRequest.safeParse(createBody(values, 'category'));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.priceRange).toEqual({ minPaise: 50_000, maxPaise: 250_050 });
  });

  it('when min exceeds max and a name is short, then the messages land on their fields', () => {
    const values = {
      ...formValuesOf(),
      slug: 'x',
      nameEn: 'R',
      nameHi: 'छत',
      minRupees: '9',
      maxRupees: '1',
    };
    const parsed = ZCreateCategoryRequest.safeParse(createBody(values, 'category'));
    const errors = formErrorsOf(messagesByPath(parsed.error?.issues ?? []));
    expect(errors.nameEn).toBe('must be at least 2 characters');
    expect(errors.minRupees).toBe('minPaise must not exceed maxPaise');
    expect(errors.slug).toBeUndefined();
  });
});

describe('changeBody', () => {
  it('when only the price changes, then only the price range (both ends) is sent', () => {
    const values = { ...formValuesOf(category), maxRupees: '2000' };
    expect(changeBody(category, values)).toEqual({
      priceRange: { minPaise: 29_900, maxPaise: 200_000 },
    });
  });

  it('when one name and the active flag change, then both names and the flag are sent', () => {
    const values = {
      ...formValuesOf(category),
      nameHi: 'नलसाज़ी',
      isActive: false,
      reason: 'merged',
    };
    expect(changeBody(category, values)).toEqual({
      names: { en: 'Plumbing', hi: 'नलसाज़ी' },
      isActive: false,
      reason: 'merged',
    });
  });

  it('when nothing changes, then the contract says so for the whole form', () => {
    const sub = { ...category, slug: 'tap-repair' };
    const parsed = ZUpdateSubcategoryRequest.safeParse(changeBody(sub, formValuesOf(sub)));
    expect(formErrorsOf(messagesByPath(parsed.error?.issues ?? []))).toEqual({
      form: 'nothing to change',
    });
  });
});

describe('formErrorsOf', () => {
  it('when the API names a synonym by index or an unknown path, then it goes to the box or the form', () => {
    expect(formErrorsOf({ 'synonyms.2': 'is required', 'names.hi': 'x', other: 'y' })).toEqual({
      synonyms: 'is required',
      nameHi: 'x',
      form: 'y',
    });
  });
});
