import type { ScheduleMoment } from '../../providers/provider-schedule.repo';

/**
 * A customer requirement and what a good answer holds. `must` says which providers count as a
 * right answer in the top 3: one offering `category` (and one of `subcategories`, when given),
 * starting at or below `budget` rupees, and working at `moment` — a predicate over the seeded
 * data, so it survives re-seeding with the same seed. The eval clock is Wed 3 June 2026, 10:00
 * Asia/Kolkata: today is 2026-06-03, kal/tomorrow 06-04, parso 06-05, Saturday 06-06.
 */
export type SearchEvalCase = {
  text: string;
  pincode: string;
  category: string;
  must?: { subcategories?: string[]; budget?: number; moment?: ScheduleMoment };
};

const TODAY = '2026-06-03';
const TOMORROW = '2026-06-04';
const PARSO = '2026-06-05';
const SATURDAY = '2026-06-06';

export const searchEvalCases: SearchEvalCase[] = [
  // English, precise
  {
    text: 'kitchen sink leaking badly, need someone this evening, budget 500',
    pincode: '560038',
    category: 'plumbing',
    must: { budget: 500, moment: { date: TODAY, time: '18:00' } },
  },
  {
    text: 'bathroom tap is dripping, need a plumber tomorrow morning',
    pincode: '560034',
    category: 'plumbing',
    must: { subcategories: ['tap-repair'], moment: { date: TOMORROW, time: '09:00' } },
  },
  {
    text: 'toilet flush not working, under 400',
    pincode: '560011',
    category: 'plumbing',
    must: { subcategories: ['toilet-repair'], budget: 400 },
  },
  {
    text: 'drain in the kitchen is blocked',
    pincode: '560095',
    category: 'plumbing',
  },
  {
    text: 'need an electrician urgently, MCB keeps tripping',
    pincode: '560038',
    category: 'electrical',
    must: { moment: { date: TODAY, time: '10:30' } },
  },
  {
    text: 'install 3 ceiling fans on saturday morning',
    pincode: '560034',
    category: 'electrical',
    must: { subcategories: ['fan-installation'], moment: { date: SATURDAY, time: '09:00' } },
  },
  {
    text: 'AC not cooling, need service today, budget 800',
    pincode: '560011',
    category: 'ac-repair-service',
    must: { budget: 800, moment: { date: TODAY } },
  },
  {
    text: 'split AC gas filling needed',
    pincode: '560038',
    category: 'ac-repair-service',
    must: { subcategories: ['ac-gas-filling'] },
  },
  {
    text: 'deep cleaning of my 2bhk flat before moving in, saturday',
    pincode: '560095',
    category: 'deep-cleaning',
    must: { moment: { date: SATURDAY } },
  },
  {
    text: 'sofa shampoo cleaning for a 5 seater',
    pincode: '560034',
    category: 'deep-cleaning',
    must: { subcategories: ['sofa-cleaning'] },
  },
  {
    text: 'cockroaches all over the kitchen, pest control tomorrow 5pm',
    pincode: '560038',
    category: 'pest-control',
    must: { moment: { date: TOMORROW, time: '17:00' } },
  },
  {
    text: 'termite treatment for wooden furniture',
    pincode: '560011',
    category: 'pest-control',
    must: { subcategories: ['termite-control'] },
  },
  {
    text: 'washing machine stopped spinning, need repair',
    pincode: '560034',
    category: 'appliance-repair',
  },
  {
    text: 'fridge not cooling since yesterday',
    pincode: '560038',
    category: 'appliance-repair',
  },
  {
    text: 'repaint two bedrooms, interior painting',
    pincode: '560011',
    category: 'painting',
  },
  {
    text: 'carpenter to fix a broken wardrobe door',
    pincode: '560095',
    category: 'carpentry',
  },
  {
    text: 'assemble a new bed and study table this weekend',
    pincode: '560034',
    category: 'carpentry',
  },
  {
    text: 'RO water purifier service and filter change',
    pincode: '560038',
    category: 'ro-water-purifier',
  },
  {
    text: 'laptop screen broken, need laptop repair',
    pincode: '560001',
    category: 'computer-laptop-repair',
  },
  {
    text: 'phone screen replacement today',
    pincode: '560034',
    category: 'mobile-repair',
    must: { moment: { date: TODAY } },
  },
  {
    text: 'locked out of my house, need a locksmith right now',
    pincode: '560038',
    category: 'locksmith',
    must: { moment: { date: TODAY, time: '10:30' } },
  },
  {
    text: 'home tutor for class 8 maths',
    pincode: '560011',
    category: 'tutoring',
  },
  {
    text: 'yoga teacher at home in the mornings, rs 500 per session',
    pincode: '560034',
    category: 'yoga',
    must: { budget: 500 },
  },
  {
    text: 'car battery dead, need help',
    pincode: '560095',
    category: 'car-repair',
  },
  {
    text: 'bike puncture near me',
    pincode: '560038',
    category: 'bike-repair',
  },
  {
    text: 'mehendi for a wedding function on saturday',
    pincode: '560011',
    category: 'mehendi-artist',
    must: { moment: { date: SATURDAY } },
  },
  // Hinglish
  {
    text: 'nal se paani tapak raha hai, aaj shaam plumber chahiye, 300 tak',
    pincode: '560038',
    category: 'plumbing',
    must: { budget: 300, moment: { date: TODAY, time: '18:00' } },
  },
  {
    text: 'kal subah AC service chahiye 600 tak',
    pincode: '560034',
    category: 'ac-repair-service',
    must: { budget: 600, moment: { date: TOMORROW, time: '09:00' } },
  },
  {
    text: 'abhi bijli chali gayi, MCB trip ho raha hai, electrician bhejo',
    pincode: '560011',
    category: 'electrical',
    must: { moment: { date: TODAY, time: '10:30' } },
  },
  {
    text: 'pankha lagwana hai kal 6 baje',
    pincode: '560095',
    category: 'electrical',
    must: { moment: { date: TOMORROW, time: '18:00' } },
  },
  {
    text: 'ghar ki safai karwani hai parso',
    pincode: '560034',
    category: 'home-cleaning',
    must: { moment: { date: PARSO } },
  },
  {
    text: 'keede aur cockroach bahut hai, pest control wala chahiye',
    pincode: '560038',
    category: 'pest-control',
  },
  {
    text: 'darwaza theek karna hai, carpenter chahiye jaldi',
    pincode: '560011',
    category: 'carpentry',
  },
  {
    text: 'washing machine kharab ho gayi, repair wala chahiye',
    pincode: '560034',
    category: 'appliance-repair',
  },
  {
    text: 'ghar ki painting karwani hai, deewar pe putty bhi',
    pincode: '560095',
    category: 'painting',
  },
  {
    text: 'bacche ke liye maths tuition teacher chahiye',
    pincode: '560038',
    category: 'tutoring',
  },
  {
    text: 'gaadi ki battery khatam, car mechanic chahiye',
    pincode: '560011',
    category: 'car-repair',
  },
  // Hindi (Devanagari)
  {
    text: 'नल टपक रहा है, आज शाम प्लंबर चाहिए, 300 रुपये तक',
    pincode: '560038',
    category: 'plumbing',
    must: { budget: 300, moment: { date: TODAY, time: '18:00' } },
  },
  {
    text: 'मुझे कल सुबह 8 बजे इलेक्ट्रीशियन चाहिए',
    pincode: '560034',
    category: 'electrical',
    must: { moment: { date: TOMORROW, time: '08:00' } },
  },
  {
    text: 'घर में दीमक लग गई है',
    pincode: '560011',
    category: 'pest-control',
    must: { subcategories: ['termite-control'] },
  },
  {
    text: 'पंखा लगवाना है',
    pincode: '560095',
    category: 'electrical',
    must: { subcategories: ['fan-installation'] },
  },
  {
    text: 'सोफा की सफाई करवानी है',
    pincode: '560034',
    category: 'deep-cleaning',
    must: { subcategories: ['sofa-cleaning'] },
  },
  {
    text: 'एसी ठंडा नहीं कर रहा, मैकेनिक चाहिए',
    pincode: '560038',
    category: 'ac-repair-service',
  },
  {
    text: 'घर की पुताई करवानी है',
    pincode: '560011',
    category: 'painting',
  },
  // Vague
  {
    text: 'water leaking from the ceiling of the bathroom',
    pincode: '560034',
    category: 'waterproofing',
  },
  {
    text: 'lights keep flickering at home',
    pincode: '560038',
    category: 'electrical',
  },
];
