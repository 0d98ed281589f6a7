export type ServiceUnit = 'hour' | 'service' | 'square_feet';

/** Typical price range in rupees (stored as paise). */
export type PriceRange = { min: number; max: number };

export type TaxonomySubcategory = {
  slug: string;
  nameEn: string;
  nameHi: string;
  unit: ServiceUnit;
  priceRupees: PriceRange;
  /** English, Hindi (Devanagari) and Hinglish words people type for this job. */
  synonyms: string[];
};

export type TaxonomyCategory = {
  slug: string;
  nameEn: string;
  nameHi: string;
  descriptionEn: string;
  typicalUnit: ServiceUnit;
  priceRupees: PriceRange;
  synonyms: string[];
  subcategories: TaxonomySubcategory[];
};
