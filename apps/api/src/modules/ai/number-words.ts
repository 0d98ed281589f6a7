/** Number words providers use for years, in English, Hinglish and Hindi (Devanagari). */
const NUMBER_WORDS: Record<string, number> = {
  // English
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  // Hinglish
  ek: 1,
  do: 2,
  teen: 3,
  tin: 3,
  char: 4,
  chaar: 4,
  paanch: 5,
  panch: 5,
  paach: 5,
  chhe: 6,
  chhah: 6,
  che: 6,
  saat: 7,
  sat: 7,
  aath: 8,
  ath: 8,
  nau: 9,
  das: 10,
  dus: 10,
  gyarah: 11,
  gyara: 11,
  barah: 12,
  bara: 12,
  terah: 13,
  chaudah: 14,
  pandrah: 15,
  pandra: 15,
  solah: 16,
  satrah: 17,
  atharah: 18,
  unnis: 19,
  bees: 20,
  bis: 20,
  pachees: 25,
  pachchis: 25,
  pacchis: 25,
  tees: 30,
  tis: 30,
  chalis: 40,
  // Hindi
  एक: 1,
  दो: 2,
  तीन: 3,
  चार: 4,
  पांच: 5,
  पाँच: 5,
  छह: 6,
  छः: 6,
  छे: 6,
  सात: 7,
  आठ: 8,
  नौ: 9,
  दस: 10,
  ग्यारह: 11,
  बारह: 12,
  तेरह: 13,
  चौदह: 14,
  पंद्रह: 15,
  पन्द्रह: 15,
  सोलह: 16,
  सत्रह: 17,
  अठारह: 18,
  बीस: 20,
  पच्चीस: 25,
  तीस: 30,
};

const DEVANAGARI_DIGITS = /[०-९]/gu;

/** Devanagari digits to ASCII and thousands separators removed: "₹ १,२००" → "₹ 1200". */
export const normaliseDigits = (text: string): string =>
  text
    .replace(DEVANAGARI_DIGITS, (digit) => String(digit.charCodeAt(0) - 0x0966))
    .replace(/(\d),(?=\d{2,3}\b)/gu, '$1')
    .replace(/(\d),(?=\d{2,3}\b)/gu, '$1');

const wordPattern = Object.keys(NUMBER_WORDS)

  .sort((a, b) => b.length - a.length)
  .join('|');

/** A number written as digits, one number word, or "twenty five" / "twenty-five". */
export const NUMBER = `(\\d{1,3}(?:\\.\\d)?|(?:twenty|thirty|forty)[\\s-](?:one|two|three|four|five|six|seven|eight|nine)|${wordPattern})`;

export const numberValue = (text: string): number | null => {
  const compound = /^(twenty|thirty|forty)[\s-](\w+)$/u.exec(text);
  if (compound) return (NUMBER_WORDS[compound[1]!] ?? 0) + (NUMBER_WORDS[compound[2]!] ?? 0);
  if (/^\d/u.test(text)) return Math.round(Number(text));
  return NUMBER_WORDS[text] ?? null;
};
