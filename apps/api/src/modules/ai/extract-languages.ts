/** Languages spoken, by the English name we store, with the spellings providers type. */
const LANGUAGES: [string, RegExp][] = [
  ['Hindi', /hindi|हिंदी|हिन्दी/u],
  ['English', /english|angrezi|angreji|inglish|अंग्रेजी|अंग्रेज़ी|इंग्लिश/u],
  ['Kannada', /kannada|kannad|कन्नड़|कन्नड/u],
  ['Tamil', /tamil|तमिल/u],
  ['Telugu', /telugu|telgu|तेलुगु/u],
  ['Marathi', /marathi|मराठी/u],
  ['Bengali', /bengali|bangla|bangali|बंगाली|बांग्ला/u],
  ['Gujarati', /gujarati|gujrati|गुजराती/u],
  ['Malayalam', /malayalam|मलयालम/u],
  ['Punjabi', /punjabi|panjabi|पंजाबी/u],
  ['Urdu', /urdu|उर्दू/u],
  ['Odia', /odia|oriya|ओड़िया|उड़िया/u],
  ['Assamese', /assamese|असमिया/u],
  ['Konkani', /konkani|कोंकणी/u],
  ['Bhojpuri', /bhojpuri|भोजपुरी/u],
  ['Tulu', /\btulu\b/u],
  ['Nepali', /nepali|नेपाली/u],
];

const DEVANAGARI = /[\u0900-\u097F]/gu;

/**
 * Languages a description says the provider speaks ("speaks Kannada", "hindi bol leta hoon",
 * "तमिल भी आती है"). Someone who writes mostly in Devanagari speaks Hindi.
 */
export const extractLanguages = (text: string): string[] => {
  const found = LANGUAGES.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  const devanagari = text.match(DEVANAGARI)?.length ?? 0;
  if (letters > 0 && devanagari / letters > 0.4 && !found.includes('Hindi')) found.unshift('Hindi');
  return found;
};

/** Hindi names of the languages above, for Hindi summaries. */
export const languageNameHi: Record<string, string> = {
  Hindi: 'हिंदी',
  English: 'अंग्रेज़ी',
  Kannada: 'कन्नड़',
  Tamil: 'तमिल',
  Telugu: 'तेलुगु',
  Marathi: 'मराठी',
  Bengali: 'बंगाली',
  Gujarati: 'गुजराती',
  Malayalam: 'मलयालम',
  Punjabi: 'पंजाबी',
  Urdu: 'उर्दू',
  Odia: 'ओड़िया',
  Assamese: 'असमिया',
  Konkani: 'कोंकणी',
  Bhojpuri: 'भोजपुरी',
  Tulu: 'तुलु',
  Nepali: 'नेपाली',
};
