/**
 * Phone numbers, e-mail addresses and links are never part of a generated profile: they are cut
 * from the description before anything else reads it, so no later step can copy them.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
/** Ten or more digits, allowing spaces, dots, dashes and brackets between them (+91 98765-43210). */
const PHONE = /(?:\+\s*)?\d(?:[\s().-]{0,2}\d){9,}/gu;
/** Landlines with an STD code: 080-41234567, 022 2345 6789. */
const LANDLINE = /\b0\d{2,4}[\s-]\d{3,4}[\s-]?\d{3,4}\b/gu;

export const removeContactDetails = (text: string): string =>
  text.replace(EMAIL, ' ').replace(URL, ' ').replace(PHONE, ' ').replace(LANDLINE, ' ');
