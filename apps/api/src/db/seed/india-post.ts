import {
  loadPostOffices,
  titleCase,
  type PostOffice,
} from '../../platform/geo/india-post-directory';

export type DemoCity = { name: string; state: string; districts: string[]; weight: number };

/** Cities the demo data lives in, by India Post district, weighted roughly by population. */
export const demoCities: DemoCity[] = [
  { name: 'Bengaluru', state: 'Karnataka', districts: ['BENGALURU URBAN'], weight: 14 },
  { name: 'Mumbai', state: 'Maharashtra', districts: ['MUMBAI', 'MUMBAI SUBURBAN'], weight: 14 },
  {
    name: 'Delhi',
    state: 'Delhi',
    districts: [
      'NEW DELHI',
      'CENTRAL DELHI',
      'SOUTH DELHI',
      'SOUTH WEST DELHI',
      'NORTH WEST DELHI',
      'EAST DELHI',
      'WEST DELHI',
    ],
    weight: 14,
  },
  { name: 'Hyderabad', state: 'Telangana', districts: ['HYDERABAD'], weight: 10 },
  { name: 'Chennai', state: 'Tamil Nadu', districts: ['CHENNAI'], weight: 10 },
  { name: 'Kolkata', state: 'West Bengal', districts: ['KOLKATA'], weight: 9 },
  { name: 'Pune', state: 'Maharashtra', districts: ['PUNE'], weight: 8 },
  { name: 'Ahmedabad', state: 'Gujarat', districts: ['AHMADABAD', 'AHMEDABAD'], weight: 7 },
  { name: 'Jaipur', state: 'Rajasthan', districts: ['JAIPUR'], weight: 6 },
  { name: 'Lucknow', state: 'Uttar Pradesh', districts: ['LUCKNOW'], weight: 5 },
  { name: 'Gurugram', state: 'Haryana', districts: ['GURUGRAM', 'GURGAON'], weight: 3 },
];

export type Locality = {
  city: string;
  state: string;
  area: string;
  pincode: string;
  latitude: number;
  longitude: number;
};

/**
 * Delivery post offices with coordinates in each demo city: real localities, pincodes and
 * positions from India Post's directory.
 */
export const loadDemoLocalities = (): Map<DemoCity, Locality[]> => {
  const byDistrict = new Map<string, PostOffice[]>();
  for (const office of loadPostOffices()) {
    if (office.latitude === null || office.longitude === null) continue;
    const list = byDistrict.get(office.district) ?? [];
    list.push(office);
    byDistrict.set(office.district, list);
  }
  const localities = new Map<DemoCity, Locality[]>();
  for (const city of demoCities) {
    const offices = city.districts.flatMap((district) => byDistrict.get(district) ?? []);
    localities.set(
      city,
      offices.map((office) => ({
        city: city.name,
        state: city.state,
        area: titleCase(office.area),
        pincode: office.pincode,
        latitude: office.latitude!,
        longitude: office.longitude!,
      })),
    );
  }
  return localities;
};
