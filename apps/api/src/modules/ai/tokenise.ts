import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/* eslint-disable @typescript-eslint/unbound-method -- wink-nlp's `its.*` readers are passed by reference by design. */
const nlp = winkNLP(model);
const its = nlp.its;

/** Folds the spellings of a word that should compare equal (case, nukta, chandrabindu). */
export const foldWord = (word: string): string =>
  word
    .normalize('NFC')
    .toLowerCase()
    .replace(/\u093C/gu, '')
    .replace(/\u0901/gu, '\u0902')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}\p{M}]+$/gu, '');

export type Token = { text: string; type: string };

/**
 * Words and numbers of a text with wink-nlp's tokeniser (English model; Devanagari words come
 * through whole). Lower-cased and folded; punctuation, e-mails and URLs dropped.
 */
export const tokenise = (text: string): Token[] => {
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out();
  const types = doc.tokens().out(its.type);
  const tokens: Token[] = [];
  values.forEach((value, index) => {
    const type = types[index] ?? 'word';
    if (['punctuation', 'email', 'url', 'emoji', 'emoticon', 'tabCRLF'].includes(type)) return;
    for (const part of value.split(/[/\\|,;:!?()[\]{}"“”'‘’।]+/u)) {
      const folded = foldWord(part);
      if (folded) tokens.push({ text: folded, type });
    }
  });
  return tokens;
};

/** A crude English plural/inflection fold so "plumbers", "repairs" meet "plumber", "repair". */
export const stem = (word: string): string => {
  if (!/^[a-z]+$/u.test(word) || word.length < 5) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 6) return word.slice(0, -3);
  if (word.endsWith('es') && /(?:sh|ch|x|ss)es$/u.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
};

/** wink-nlp numbers words outside its lexicon from the lexicon's size upwards. */
const lexiconSize = nlp.readDoc('qqzxjvkw').tokens().out(its.uniqueId)[0] ?? 0;

/** Whether wink-nlp's English lexicon knows the word ("market" yes, "koramangala" no). */
export const isEnglishWord = (word: string): boolean =>
  (nlp.readDoc(word).tokens().out(its.uniqueId)[0] ?? lexiconSize) < lexiconSize;
