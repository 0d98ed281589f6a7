import type { Random } from './random';

/** What customers write when they book: English and Hinglish, about the service they chose. */
export const bookingDescription = (random: Random, service: string) =>
  random.pick([
    `Need ${service.toLowerCase()} at home, please come with your tools.`,
    `${service} required. Please call before coming.`,
    `Looking for ${service.toLowerCase()} this week, small flat.`,
    `${service} chahiye, ghar pe. Time pe aa jaana please.`,
    `${service} ka kaam hai, pehle dekh ke rate bata dena.`,
    `Urgent: ${service.toLowerCase()} needed, have guests coming.`,
  ]);

export const bookingInstructions = (random: Random) =>
  random.next() < 0.5
    ? null
    : random.pick([
        'Ring the bell twice, the first one does not always work.',
        'Call when you reach the society gate.',
        'Second floor, lift available.',
        'Parking available in front of the building.',
        'Gate pe guard ko naam bata dena.',
        'Please wear a mask, elderly parents at home.',
      ]);

export const customerCancellationReason = (random: Random) =>
  random.pick([
    'Plans changed, will book again later.',
    'Found someone nearer.',
    'Out of town that day.',
    'Kaam ho gaya, ab zaroorat nahi.',
    'Booked the wrong date by mistake.',
  ]);

export const providerCancellationReason = (random: Random) =>
  random.pick([
    'Sorry, another job is running late that day.',
    'Not well, please book another day.',
    'Parts not available this week.',
    'Us din family function hai, maaf kijiye.',
  ]);

const comments: Record<number, readonly string[]> = {
  5: [
    'Excellent work, very neat and on time.',
    'Bahut accha kaam kiya, full paisa vasool.',
    'Very professional and polite. Will book again.',
    'Came on time and finished quickly. Highly recommended!',
    'Ekdum badhiya service, thank you bhaiya.',
    '',
  ],
  4: [
    'Good work, came 15 minutes late but finished well.',
    'Accha kaam, thoda mehenga laga.',
    'Did the job properly, cleaned up after.',
    'Nice service, would book again.',
    '',
  ],
  3: [
    'Okay work. Took longer than expected.',
    'Theek thaak, kaam ho gaya par late aaye.',
    'Average. Had to explain things twice.',
  ],
  2: ['Came late and left some work unfinished.', 'Rate zyada tha, kaam utna accha nahi.'],
  1: [
    'Very poor, the problem came back the next day.',
    'Did not turn up on time and was rude on the phone.',
  ],
};

export const reviewComment = (random: Random, rating: number) => random.pick(comments[rating]!);

export const providerReply = (random: Random, rating: number) =>
  rating >= 4
    ? random.pick([
        'Thank you so much! Happy to help anytime.',
        'Dhanyavaad ji, phir se seva ka mauka dijiye.',
        'Thanks for the kind words!',
      ])
    : random.pick([
        'Sorry for the trouble. Please call us, we will fix it free of charge.',
        'Maaf kijiye, agli baar dhyan rakhenge.',
        'Thank you for the feedback, we are working on being on time.',
      ]);
