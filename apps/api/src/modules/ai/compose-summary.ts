import type { ServiceUnit, TaxonomyCategory } from '../taxonomy/taxonomy.types';
import { languageNameHi } from './extract-languages';

/** What a provider of each category is called, in English and Hindi. */
const ROLES: Record<string, [string, string]> = {
  plumbing: ['plumber', 'प्लंबर'],
  electrical: ['electrician', 'इलेक्ट्रीशियन'],
  carpentry: ['carpenter', 'बढ़ई'],
  'home-cleaning': ['home-cleaning professional', 'घरेलू सफ़ाई कर्मी'],
  'deep-cleaning': ['deep-cleaning professional', 'डीप क्लीनिंग विशेषज्ञ'],
  'pest-control': ['pest-control expert', 'कीट नियंत्रण विशेषज्ञ'],
  'ac-repair-service': ['AC technician', 'एसी तकनीशियन'],
  'appliance-repair': ['appliance repair technician', 'उपकरण मरम्मत तकनीशियन'],
  painting: ['painter', 'पेंटर'],
  'salon-women': ['beautician', 'ब्यूटीशियन'],
  'salon-men': ['barber and groomer', 'नाई'],
  'massage-spa': ['massage therapist', 'मसाज थेरेपिस्ट'],
  'packers-movers': ['packer and mover', 'पैकर्स एंड मूवर्स'],
  tutoring: ['home tutor', 'होम ट्यूटर'],
  yoga: ['yoga trainer', 'योग प्रशिक्षक'],
  'fitness-trainer': ['fitness trainer', 'फ़िटनेस ट्रेनर'],
  'cook-chef': ['cook', 'रसोइया'],
  driver: ['driver', 'ड्राइवर'],
  'laundry-ironing': ['laundry and ironing professional', 'धोबी'],
  'car-wash-detailing': ['car-care professional', 'कार वॉश कर्मी'],
  'bike-repair': ['bike mechanic', 'बाइक मैकेनिक'],
  gardening: ['gardener', 'माली'],
  'cctv-installation': ['CCTV technician', 'सीसीटीवी तकनीशियन'],
  'ro-water-purifier': ['RO technician', 'आरओ तकनीशियन'],
  'masonry-civil': ['mason', 'राजमिस्त्री'],
  'mobile-repair': ['mobile repair technician', 'मोबाइल मैकेनिक'],
  'car-repair': ['car mechanic', 'कार मैकेनिक'],
  tailoring: ['tailor', 'दर्ज़ी'],
  'pandit-puja': ['pandit', 'पंडित'],
};

const UNIT_EN: Record<ServiceUnit, string> = {
  hour: 'hour',
  service: 'visit',
  square_feet: 'sq ft',
};
const UNIT_HI: Record<ServiceUnit, string> = {
  hour: 'घंटा',
  service: 'विज़िट',
  square_feet: 'वर्ग फुट',
};

const listEn = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
const listHi = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} और ${items.at(-1)}`;
const rupees = (amount: number) => `₹${amount.toLocaleString('en-IN')}`;

export type SummaryFacts = {
  category: TaxonomyCategory | null;
  specialtiesEn: string[];
  specialtiesHi: string[];
  years: number | null;
  areas: string[];
  price: { amount: number; unit: ServiceUnit } | null;
  languages: string[];
};

const roleOf = (category: TaxonomyCategory | null): [string, string] =>
  category
    ? (ROLES[category.slug] ?? [
        `${category.nameEn.toLowerCase()} professional`,
        `${category.nameHi} विशेषज्ञ`,
      ])
    : ['local service professional', 'स्थानीय सेवा विशेषज्ञ'];

/** An English summary from the extracted facts; phrasing varies with what is known. */
export const composeSummaryEn = (facts: SummaryFacts): string => {
  const [role] = roleOf(facts.category);
  const opener =
    facts.years === null
      ? `Skilled ${role}`
      : facts.years >= 5
        ? `Experienced ${role} with ${facts.years} years of experience`
        : `${role[0]!.toUpperCase()}${role.slice(1)} with ${facts.years} year${facts.years === 1 ? '' : 's'} of experience`;
  const sentences = [
    facts.areas.length > 0 ? `${opener} serving ${listEn(facts.areas.slice(0, 4))}.` : `${opener}.`,
  ];
  if (facts.specialtiesEn.length > 0) {
    const names = facts.specialtiesEn.slice(0, 3).map((name) => name.toLowerCase());
    sentences.push(`Specialises in ${listEn(names)}.`);
  }
  if (facts.price) {
    sentences.push(`Charges from ${rupees(facts.price.amount)} per ${UNIT_EN[facts.price.unit]}.`);
  }
  if (facts.languages.length > 0) sentences.push(`Speaks ${listEn(facts.languages)}.`);
  return sentences.join(' ');
};

/** The same summary in Hindi (Devanagari); place names stay as written. */
export const composeSummaryHi = (facts: SummaryFacts): string => {
  const [, role] = roleOf(facts.category);
  const sentences = [
    facts.years === null
      ? `कुशल ${role}।`
      : `${facts.years >= 5 ? 'अनुभवी ' : ''}${role}, ${facts.years} साल का अनुभव।`,
  ];
  if (facts.areas.length > 0) {
    sentences.push(`${listHi(facts.areas.slice(0, 4))} में सेवा उपलब्ध।`);
  }
  if (facts.specialtiesHi.length > 0) {
    sentences.push(`विशेषज्ञता: ${listHi(facts.specialtiesHi.slice(0, 3))}।`);
  }
  if (facts.price) {
    sentences.push(`शुल्क ${rupees(facts.price.amount)} प्रति ${UNIT_HI[facts.price.unit]} से शुरू।`);
  }
  if (facts.languages.length > 0) {
    const names = facts.languages.map((name) => languageNameHi[name] ?? name);
    sentences.push(`${listHi(names)} बोलते हैं।`);
  }
  return sentences.join(' ');
};

export const describeExperience = (years: number | null, language: 'en' | 'hi'): string => {
  if (language === 'hi') return years === null ? 'अनुभव नहीं बताया गया' : `${years} साल का अनुभव`;
  if (years === null) return 'Experience not stated';
  return `${years} year${years === 1 ? '' : 's'} of experience`;
};
