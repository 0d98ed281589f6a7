import { sql, type SQL } from 'drizzle-orm';

/** What a search card shows beyond the search index: a one-line summary and top skills. */
export type CardDetails = { summary: string; skills: string[] };

/** For a provider whose profile has no summary or skills (or was not read). */
export const NO_DETAILS: CardDetails = { summary: '', skills: [] };

const CARD_SKILLS = 5;
const CARD_SUMMARY_CHARS = 200;

/**
 * The columns of `providers` row `alias` a card is made from, for a query that joins the
 * providers it lists (so search reads its page and the cards in one statement). Only the two
 * fields of the AI profile a card shows leave the database.
 */
export const cardDetailsColumnsSql = (alias: string): SQL =>
  sql.raw(`${alias}.description AS card_description,
    ${alias}.ai_generated_profile->>'summary' AS card_summary,
    ${alias}.ai_generated_profile->'skills' AS card_skills`);

/** A row carrying `cardDetailsColumnsSql`; all null when the provider row was not joined. */
export type CardDetailsRow = {
  card_description: string | null;
  card_summary: string | null;
  card_skills: string[] | null;
};

/** At most one short paragraph, cut at a word. */
const summarise = (text: string): string => {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= CARD_SUMMARY_CHARS) return flat;
  const cut = flat.slice(0, CARD_SUMMARY_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), CARD_SUMMARY_CHARS - 40))}…`;
};

/** The AI summary when there is one, else the provider's own description; the first skills. */
export const toCardDetails = (row: CardDetailsRow): CardDetails => ({
  summary: summarise(row.card_summary || row.card_description || ''),
  skills: (row.card_skills ?? []).slice(0, CARD_SKILLS),
});
