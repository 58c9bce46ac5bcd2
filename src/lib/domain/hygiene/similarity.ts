/**
 * Two names are "similar" when PostgreSQL's pg_trgm similarity of their lower-cased forms is at
 * least this: the share of three-letter pieces they have in common (|A ∩ B| / |A ∪ B| over each
 * name's trigrams, words padded with spaces). 0.6 catches typos and small variations ("Acme Corp"
 * and "Acme Corp.", "Jon Smith" and "John Smith") but not names that merely share a word
 * ("Smith LLC" and "Smith Group").
 */
export const NAME_SIMILARITY = 0.6;
