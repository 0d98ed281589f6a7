import type { ServiceUnit } from '../../taxonomy/taxonomy.types';

export type EvalCase = {
  description: string;
  category: string;
  years: number | null;
  price: number | null;
  unit: ServiceUnit;
  /** A few canonical skills the profile should list. */
  skills: string[];
};

/**
 * Descriptions as providers type them in Indian cities: short, misspelt, Hinglish or Hindi,
 * with phone numbers and prices mixed in. Written before tuning the engine; the clock is
 * fixed at 2026 for "since" phrases.
 */
export const evalCases: EvalCase[] = [
  {
    description: 'I am a plumber with 10 years experience',
    category: 'plumbing',
    years: 10,
    price: null,
    unit: 'service',
    skills: ['Plumbing'],
  },
  {
    description:
      'plumbr hu 8 saal se kaam kar raha, nal tapakna, flush repair sab karta hu. 350 rs per visit. call 9845012345',
    category: 'plumbing',
    years: 8,
    price: 350,
    unit: 'service',
    skills: ['Plumbing', 'Tap and mixer repair', 'Toilet and flush repair'],
  },
  {
    description:
      'Pipe leakage, drain block, bathroom fitting expert. 15+ yrs exp in Andheri & Bandra. Charges ₹400/visit',
    category: 'plumbing',
    years: 15,
    price: 400,
    unit: 'service',
    skills: ['Plumbing', 'Pipe leakage repair', 'Bathroom fittings installation'],
  },
  {
    description: 'मैं प्लंबर हूँ, दस साल का अनुभव है। नल और पाइप का सारा काम। 300 रुपये प्रति विज़िट',
    category: 'plumbing',
    years: 10,
    price: 300,
    unit: 'service',
    skills: ['Plumbing'],
  },
  {
    description:
      'Nal wala bhaiya - tanki fitting, motor fitting, tap change. Since 2014. Rs 250 onwards',
    category: 'plumbing',
    years: 12,
    price: 250,
    unit: 'service',
    skills: ['Plumbing', 'Water tank and motor fitting'],
  },
  {
    description:
      'Electrician 12 years, house wiring, fan fitting, MCB repair, inverter installation. ₹200 per visit in Koramangala, HSR Layout',
    category: 'electrical',
    years: 12,
    price: 200,
    unit: 'service',
    skills: ['Electrical', 'House wiring', 'Ceiling fan installation and repair'],
  },
  {
    description:
      'electrition hu, switch board, light fitting ka kaam. 5 saal exp. 150 rupaye. ph 98765-43210',
    category: 'electrical',
    years: 5,
    price: 150,
    unit: 'service',
    skills: ['Electrical', 'Switch and socket repair', 'Lights and fixtures'],
  },
  {
    description: 'बिजली मिस्त्री, पंखा, वायरिंग, इन्वर्टर लगाना। बीस साल का अनुभव। ₹250 प्रति विज़िट',
    category: 'electrical',
    years: 20,
    price: 250,
    unit: 'service',
    skills: ['Electrical', 'House wiring'],
  },
  {
    description:
      'Complete house wiring for new flats @ Rs 35 per sq ft, licensed electrician, a decade of experience',
    category: 'electrical',
    years: 10,
    price: 35,
    unit: 'square_feet',
    skills: ['Electrical', 'House wiring'],
  },
  {
    description:
      'Carpenter - furniture repair, door repair, bed and wardrobe work. 18 years. Rs. 500 per visit. Whitefield area',
    category: 'carpentry',
    years: 18,
    price: 500,
    unit: 'service',
    skills: ['Carpentry', 'Furniture repair', 'Door and window repair'],
  },
  {
    description:
      'carpentar work, modular kitchen fitting 450/- per sq ft, 7 yrs experience, Pune Kothrud',
    category: 'carpentry',
    years: 7,
    price: 450,
    unit: 'square_feet',
    skills: ['Carpentry', 'Modular kitchen and cabinet fitting'],
  },
  {
    description:
      'Badhai ka kaam, furniture assembly (IKEA, Pepperfry) 400 rs. 6 saal. Contact 9123456780',
    category: 'carpentry',
    years: 6,
    price: 400,
    unit: 'service',
    skills: ['Carpentry', 'Furniture assembly'],
  },
  {
    description:
      'House cleaning, jhadu pocha, bartan - 3 saal experience, 200 rs per hour, Malviya Nagar',
    category: 'home-cleaning',
    years: 3,
    price: 200,
    unit: 'hour',
    skills: ['Home cleaning', 'Sweeping and mopping', 'Utensil washing'],
  },
  {
    description: 'maid for daily home cleaning. jhaadu pocha bartan. 4 yrs. ₹3000 per month',
    category: 'home-cleaning',
    years: 4,
    price: 3000,
    unit: 'service',
    skills: ['Home cleaning', 'Sweeping and mopping'],
  },
  {
    description:
      'Full home deep cleaning, bathroom deep clean, kitchen deep clean, sofa shampooing. 6 years exp. Starting ₹1,499',
    category: 'deep-cleaning',
    years: 6,
    price: 1499,
    unit: 'service',
    skills: ['Deep cleaning', 'Full home deep clean', 'Sofa shampooing'],
  },
  {
    description:
      'Sofa cleaning and carpet cleaning at your home, 9 rs per sq ft for carpets. 5 yrs in business',
    category: 'deep-cleaning',
    years: 5,
    price: 9,
    unit: 'square_feet',
    skills: ['Deep cleaning', 'Sofa shampooing', 'Carpet and rug cleaning'],
  },
  {
    description:
      'Pest control - cockroach, termite, bed bugs. Govt approved chemicals. 11 years. Rs 999 for 2BHK',
    category: 'pest-control',
    years: 11,
    price: 999,
    unit: 'service',
    skills: ['Pest control', 'Cockroach and ant control', 'Termite treatment'],
  },
  {
    description:
      'Deemak aur cockroach ka ilaaj, 2bhk 1200 rs. twenty years experience in pest control. mail: pestpro@gmail.com',
    category: 'pest-control',
    years: 20,
    price: 1200,
    unit: 'service',
    skills: ['Pest control', 'Termite treatment'],
  },
  {
    description:
      'AC service, gas filling, installation - split and window. 9 saal. ₹499 per service. Gachibowli, Madhapur',
    category: 'ac-repair-service',
    years: 9,
    price: 499,
    unit: 'service',
    skills: ['AC repair and service', 'AC gas refill', 'AC installation'],
  },
  {
    description: 'AC mechanic hu, ac repair aur servicing, 6 saal exp, 600 rupaye se shuru',
    category: 'ac-repair-service',
    years: 6,
    price: 600,
    unit: 'service',
    skills: ['AC repair and service', 'AC repair'],
  },
  {
    description: 'एसी रिपेयर और सर्विस, गैस भरना। पंद्रह साल का अनुभव। ₹500',
    category: 'ac-repair-service',
    years: 15,
    price: 500,
    unit: 'service',
    skills: ['AC repair and service'],
  },
  {
    description:
      'Washing machine repair, fridge repair, microwave. All brands. 13 years experience. Visit charge 299',
    category: 'appliance-repair',
    years: 13,
    price: 299,
    unit: 'service',
    skills: ['Appliance repair', 'Washing machine repair', 'Refrigerator repair'],
  },
  {
    description: 'geyser repair & installation, chimney service. 4 years. Rs.350/visit',
    category: 'appliance-repair',
    years: 4,
    price: 350,
    unit: 'service',
    skills: ['Appliance repair', 'Geyser repair and installation', 'Kitchen chimney service'],
  },
  {
    description:
      'Painter - interior and exterior painting, putty, texture. ₹18 per sq ft. 22 years, Dwarka and Rohini',
    category: 'painting',
    years: 22,
    price: 18,
    unit: 'square_feet',
    skills: ['Painting', 'Interior wall painting', 'Exterior painting'],
  },
  {
    description: 'ghar ki putai, painting ka kaam. das saal. 12 rs sq ft',
    category: 'painting',
    years: 10,
    price: 12,
    unit: 'square_feet',
    skills: ['Painting'],
  },
  {
    description:
      'Beautician at home - waxing, threading, facial, manicure pedicure. 7 years. Rs 299 onwards. Only ladies',
    category: 'salon-women',
    years: 7,
    price: 299,
    unit: 'service',
    skills: ['Salon at home for women', 'Waxing', 'Threading'],
  },
  {
    description:
      'Bridal makeup artist, party makeup, hair styling. 10+ years. ₹8000 per bride. Lajpat Nagar',
    category: 'salon-women',
    years: 10,
    price: 8000,
    unit: 'service',
    skills: ['Salon at home for women', 'Bridal and party makeup'],
  },
  {
    description: 'Gents haircut and shaving at home, beard trim, head massage. 5 saal. 150 rs',
    category: 'salon-men',
    years: 5,
    price: 150,
    unit: 'service',
    skills: ['Salon at home for men', 'Haircut', 'Shave and beard trim'],
  },
  {
    description: 'nai hu, baal katna dadhi banana ghar pe aake. 12 saal. 100 rupaye',
    category: 'salon-men',
    years: 12,
    price: 100,
    unit: 'service',
    skills: ['Salon at home for men'],
  },
  {
    description:
      'Certified massage therapist - swedish, deep tissue, ayurvedic. 8 years. ₹1500 per hour',
    category: 'massage-spa',
    years: 8,
    price: 1500,
    unit: 'hour',
    skills: ['Massage and spa at home', 'Swedish / relaxing massage', 'Deep tissue massage'],
  },
  {
    description:
      'Baby massage and new mother massage (japa), 15 saal ka experience, 700 rs per session',
    category: 'massage-spa',
    years: 15,
    price: 700,
    unit: 'service',
    skills: ['Massage and spa at home', 'Baby and new-mother massage'],
  },
  {
    description:
      'Packers and movers - local house shifting and intercity. 14 yrs. Starting from Rs 4999. Call 080-41234567',
    category: 'packers-movers',
    years: 14,
    price: 4999,
    unit: 'service',
    skills: ['Packers and movers', 'Local house shifting', 'Intercity relocation'],
  },
  {
    description: 'tempo available for shifting, saman shift karna, 800 rs per hour, 6 saal',
    category: 'packers-movers',
    years: 6,
    price: 800,
    unit: 'hour',
    skills: ['Packers and movers'],
  },
  {
    description:
      'Maths and science tuition for class 6 to 10, CBSE and ICSE. 12 years teaching. ₹600 per hour',
    category: 'tutoring',
    years: 12,
    price: 600,
    unit: 'hour',
    skills: ['Home tutoring', 'Classes 6–10'],
  },
  {
    description:
      'home tutor for primary classes, all subjects, 5 yrs exp, Rs 400/hr, Gomti Nagar Lucknow',
    category: 'tutoring',
    years: 5,
    price: 400,
    unit: 'hour',
    skills: ['Home tutoring', 'Primary classes (1–5)'],
  },
  {
    description: 'Spoken English classes, IELTS prep. Teaching since 2016. 500 per hour',
    category: 'tutoring',
    years: 10,
    price: 500,
    unit: 'hour',
    skills: ['Home tutoring', 'Spoken English'],
  },
  {
    description: 'गिटार और कीबोर्ड सिखाता हूँ, म्यूजिक टीचर, आठ साल का अनुभव, ₹700 प्रति घंटा',
    category: 'tutoring',
    years: 8,
    price: 700,
    unit: 'hour',
    skills: ['Home tutoring', 'Music lessons'],
  },
  {
    description:
      'Yoga instructor, personal yoga and prenatal yoga. 9 years. ₹800 per session. Indiranagar',
    category: 'yoga',
    years: 9,
    price: 800,
    unit: 'service',
    skills: ['Yoga trainer', 'Personal yoga session', 'Prenatal yoga'],
  },
  {
    description: 'योग शिक्षक, बारह साल का अनुभव, ग्रुप योगा क्लास ₹300 प्रति घंटा',
    category: 'yoga',
    years: 12,
    price: 300,
    unit: 'hour',
    skills: ['Yoga trainer', 'Group yoga class'],
  },
  {
    description:
      'Personal trainer at home, weight loss, zumba. certified. 6 years. Rs 1000 per hour',
    category: 'fitness-trainer',
    years: 6,
    price: 1000,
    unit: 'hour',
    skills: ['Fitness trainer', 'Personal training at home', 'Weight-loss coaching'],
  },
  {
    description:
      'Cook for home - north indian, south indian food. 15 yrs. 250 per hour. Hindi bol leta hoon',
    category: 'cook-chef',
    years: 15,
    price: 250,
    unit: 'hour',
    skills: ['Cook and chef', 'Regional cuisine cook'],
  },
  {
    description: 'khana banane wali, roti sabzi daal chawal, 10 saal, 4000 rs mahina',
    category: 'cook-chef',
    years: 10,
    price: 4000,
    unit: 'service',
    skills: ['Cook and chef'],
  },
  {
    description:
      'Party chef for birthday and small events, tandoor specialist. 20 years. Rs 5000 per event',
    category: 'cook-chef',
    years: 20,
    price: 5000,
    unit: 'service',
    skills: ['Cook and chef', 'Chef for parties'],
  },
  {
    description:
      'Driver available, 12 years driving, outstation and local, Rs 200 per hour. Licence LMV. 9988776655',
    category: 'driver',
    years: 12,
    price: 200,
    unit: 'hour',
    skills: ['Driver', 'Outstation driver'],
  },
  {
    description: 'ड्राइवर, पच्चीस साल का अनुभव, पूरे दिन के लिए ₹1200',
    category: 'driver',
    years: 25,
    price: 1200,
    unit: 'service',
    skills: ['Driver'],
  },
  {
    description: 'Ironing service, press wala, 10 rs per piece, 8 saal se. pickup and drop',
    category: 'laundry-ironing',
    years: 8,
    price: 10,
    unit: 'service',
    skills: ['Laundry and ironing', 'Ironing (per piece)'],
  },
  {
    description: 'Laundry wash and fold ₹80 per kg, dry cleaning also. 3 years. Salt Lake Kolkata',
    category: 'laundry-ironing',
    years: 3,
    price: 80,
    unit: 'service',
    skills: ['Laundry and ironing', 'Wash and fold (per kg)', 'Dry cleaning (per piece)'],
  },
  {
    description: 'Car washing at your doorstep, interior cleaning, polish. 5 yrs. Rs 399 per car',
    category: 'car-wash-detailing',
    years: 5,
    price: 399,
    unit: 'service',
    skills: ['Car wash and detailing', 'Interior car cleaning'],
  },
  {
    description: 'daily car cleaning monthly 600 rs, society ke andar, 4 saal',
    category: 'car-wash-detailing',
    years: 4,
    price: 600,
    unit: 'service',
    skills: ['Car wash and detailing'],
  },
  {
    description: 'Bike mechanic, general service, puncture repair at home. 11 yrs. 350 rs service',
    category: 'bike-repair',
    years: 11,
    price: 350,
    unit: 'service',
    skills: ['Bike repair and service', 'General service', 'Puncture repair'],
  },
  {
    description:
      'Gardener (mali) - garden maintenance, potting, lawn. 20 saal. 300 rs per hour. Jayanagar',
    category: 'gardening',
    years: 20,
    price: 300,
    unit: 'hour',
    skills: ['Gardening', 'Garden maintenance'],
  },
  {
    description: 'माली का काम, पौधे लगाना, गमले, बगीचे की देखभाल। सात साल। 250 रुपये',
    category: 'gardening',
    years: 7,
    price: 250,
    unit: 'hour',
    skills: ['Gardening'],
  },
  {
    description:
      'CCTV camera installation, wifi camera setup, dvr repair. 8 years. Rs 1500 per camera',
    category: 'cctv-installation',
    years: 8,
    price: 1500,
    unit: 'service',
    skills: ['CCTV and security cameras', 'New CCTV installation', 'Wi-Fi camera setup'],
  },
  {
    description:
      'RO service and repair, filter change, all brands Kent Aquaguard. 6 yrs. ₹350 per service. 9876501234',
    category: 'ro-water-purifier',
    years: 6,
    price: 350,
    unit: 'service',
    skills: ['RO water purifier service', 'RO servicing', 'RO repair'],
  },
  {
    description: 'aquaguard ro mechanic, 10 saal, filter membrane badalna 1200 rs',
    category: 'ro-water-purifier',
    years: 10,
    price: 1200,
    unit: 'service',
    skills: ['RO water purifier service', 'Filter and membrane change'],
  },
  {
    description: 'Tile fitting, flooring, plaster, brick work - mistri. 16 years. Rs 45 per sq ft',
    category: 'masonry-civil',
    years: 16,
    price: 45,
    unit: 'square_feet',
    skills: ['Masonry and civil work', 'Tile and flooring'],
  },
  {
    description:
      'Mobile repair - screen replacement, battery, charging port. All brands. 7 yrs. from 499',
    category: 'mobile-repair',
    years: 7,
    price: 499,
    unit: 'service',
    skills: ['Mobile phone repair', 'Screen replacement'],
  },
  {
    description:
      'Laptop repair, OS installation, SSD upgrade, data recovery. 9 years. Rs. 500 visit charge',
    category: 'computer-laptop-repair',
    years: 9,
    price: 500,
    unit: 'service',
    skills: ['Computer and laptop repair', 'Laptop repair', 'SSD and RAM upgrade'],
  },
  {
    description:
      'Wedding photographer and videographer, pre wedding shoots. 10 yrs. ₹25,000 per day',
    category: 'event-photography',
    years: 10,
    price: 25000,
    unit: 'service',
    skills: ['Event photography', 'Wedding photography'],
  },
  {
    description:
      'Mehendi artist - bridal mehendi, arabic designs, karwa chauth. 8 saal. 2100 rs bridal',
    category: 'mehendi-artist',
    years: 8,
    price: 2100,
    unit: 'service',
    skills: ['Mehendi artist', 'Bridal mehendi'],
  },
  {
    description:
      'Pandit ji for griha pravesh, satyanarayan katha, havan. 30 years. Dakshina 2100 rs',
    category: 'pandit-puja',
    years: 30,
    price: 2100,
    unit: 'service',
    skills: ['Pandit for puja', 'Griha pravesh puja'],
  },
  {
    description:
      'Locksmith - lock opening, duplicate key, digital lock installation. 24x7. 12 years. ₹300',
    category: 'locksmith',
    years: 12,
    price: 300,
    unit: 'service',
    skills: ['Locksmith', 'Lock opening (locked out)', 'Key duplication'],
  },
  {
    description: 'Water tank cleaning, overhead and underground sump. 5 years. Rs 800 per tank',
    category: 'water-tank-cleaning',
    years: 5,
    price: 800,
    unit: 'service',
    skills: ['Water tank cleaning'],
  },
  {
    description:
      'Terrace waterproofing, bathroom leakage, seepage. Dr Fixit products. 14 years. 60 rs per sq ft',
    category: 'waterproofing',
    years: 14,
    price: 60,
    unit: 'square_feet',
    skills: ['Waterproofing', 'Terrace waterproofing'],
  },
  {
    description: 'Tailor - blouse stitching, alteration, suit kurta. 20 saal. 350 rs blouse',
    category: 'tailoring',
    years: 20,
    price: 350,
    unit: 'service',
    skills: ['Tailoring and alterations', 'Blouse stitching'],
  },
  {
    description:
      'Elder care attendant, trained nurse GNM, day shift 12 hrs. 6 years. 900 rs per day',
    category: 'elder-care',
    years: 6,
    price: 900,
    unit: 'service',
    skills: ['Elder care and nursing attendant'],
  },
  {
    description: 'Babysitter / nanny, full time, 9 saal ka anubhav, 15000 per month',
    category: 'babysitter-nanny',
    years: 9,
    price: 15000,
    unit: 'service',
    skills: ['Babysitter and nanny'],
  },
  {
    description:
      'Car mechanic, periodic service, battery jump start, denting painting. 17 years. ₹1999 service',
    category: 'car-repair',
    years: 17,
    price: 1999,
    unit: 'service',
    skills: ['Car repair and service', 'Periodic car service'],
  },
  {
    description: 'Interior designer, false ceiling, modular wardrobe. 8 years. ₹1,200 per sq ft',
    category: 'interior-design',
    years: 8,
    price: 1200,
    unit: 'square_feet',
    skills: ['Interior design', 'False ceiling (POP / gypsum)'],
  },
];
