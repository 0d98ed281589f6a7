import { loadPostOffices } from '../../platform/geo/india-post-directory';

/** Districts of the metros we serve: only their localities are matched by name. */
const METRO_DISTRICTS = new Set([
  'BENGALURU URBAN',
  'BENGALURU',
  'MUMBAI',
  'MUMBAI SUBURBAN',
  'THANE',
  'HYDERABAD',
  'RANGAREDDY',
  'MEDCHAL MALKAJGIRI',
  'CHENNAI',
  'KOLKATA',
  'PUNE',
  'AHMADABAD',
  'AHMEDABAD',
  'JAIPUR',
  'LUCKNOW',
  'GURUGRAM',
  'GURGAON',
  'GAUTAM BUDDHA NAGAR',
  'GHAZIABAD',
  'FARIDABAD',
  'RANGA REDDY',
  'CHENGALPATTU',
  'HOWRAH',
]);

/** Well-known metro localities India Post files under another name (or not at all). */
const WELL_KNOWN = [
  'Velachery',
  'T Nagar',
  'Salt Lake',
  'New Town',
  'BTM Layout',
  'Baner',
  'Vastrapur',
  'Madhapur',
  'Kondapur',
  'HITEC City',
  'Powai',
  'Bellandur',
  'Sarjapur',
  'Hinjewadi',
  'Viman Nagar',
  'Kharadi',
  'Gachibowli',
  'Kukatpally',
  'Noida Extension',
  'Indirapuram',
  'Vaishali',
  'Satellite',
  'Bopal',
  'Thoraipakkam',
  'Sholinganallur',
  'Electronic City',
  'Yelahanka',
  'Hebbal',
];
const METRO_STATES = new Set(['DELHI']);

const CITIES: Record<string, string> = {
  bengaluru: 'Bengaluru',
  bangalore: 'Bengaluru',
  banglore: 'Bengaluru',
  mumbai: 'Mumbai',
  bombay: 'Mumbai',
  delhi: 'Delhi',
  newdelhi: 'New Delhi',
  hyderabad: 'Hyderabad',
  secunderabad: 'Secunderabad',
  chennai: 'Chennai',
  madras: 'Chennai',
  kolkata: 'Kolkata',
  calcutta: 'Kolkata',
  pune: 'Pune',
  ahmedabad: 'Ahmedabad',
  jaipur: 'Jaipur',
  lucknow: 'Lucknow',
  gurugram: 'Gurugram',
  gurgaon: 'Gurugram',
  noida: 'Noida',
  ghaziabad: 'Ghaziabad',
  thane: 'Thane',
  navimumbai: 'Navi Mumbai',
  faridabad: 'Faridabad',
};

/** Words that name a part of a post office, not a locality. */
const DESIGNATORS =
  /\s+(?:[ivx]+|\d+(?:st|nd|rd|th)?|block|bk|stage|stg|phase|ph|sector|sec|extension|extn|east|west|north|south|main|mdg|bazar|market|ndc|colony|road|rd)\b.*$/iu;
const OFFICE_SUFFIXES =
  /\((?:[^)]*)\)|\b(?:s\.?o|b\.?o|h\.?o|g\.?p\.?o|ndc|nodal delivery cent(?:re|er)|post office|p\.?o)\b\.?/giu;

export const localityKey = (name: string): string => name.toLowerCase().replace(/[^a-z]/gu, '');

const titleCase = (text: string) =>
  text
    .toLowerCase()
    .replace(/(^|[\s(-])(\p{L})/gu, (_, before: string, l: string) => before + l.toUpperCase());

export type LocalityIndex = {
  /** Locality key (letters only, lower case) → display name; metros only. */
  names: Map<string, string>;
  pincodes: Set<string>;
  /** Keys of city names (Delhi, Pune), which count as places though dictionaries know them. */
  cities: Set<string>;
};

let cached: LocalityIndex | undefined;

/** India Post's directory, indexed once per process (it takes about a second to load). */
export const getLocalityIndex = (): LocalityIndex => {
  if (cached) return cached;
  const names = new Map<string, string>();
  const pincodes = new Set<string>();
  for (const office of loadPostOffices()) {
    pincodes.add(office.pincode);
    if (!METRO_DISTRICTS.has(office.district) && !METRO_STATES.has(office.state)) continue;
    const clean = office.area.replace(OFFICE_SUFFIXES, ' ').replace(/\s+/gu, ' ').trim();
    const base = clean.replace(DESIGNATORS, '').trim();
    for (const name of new Set([base, clean])) {
      const key = localityKey(name);
      if (key.length < 4 || /\d/u.test(name)) continue;
      const existing = names.get(key);
      if (!existing || name.length < existing.length) names.set(key, titleCase(name));
    }
  }
  for (const name of WELL_KNOWN) names.set(localityKey(name), name);
  for (const [key, name] of Object.entries(CITIES)) names.set(key, name);
  cached = { names, pincodes, cities: new Set(Object.keys(CITIES)) };
  return cached;
};
