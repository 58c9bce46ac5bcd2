/**
 * The ranges of the numbers we store. PostgreSQL's integer columns (revision and proposal
 * numbers, ARR, deal amounts) hold at most 2,147,483,647: a bigger number reaching a query is a
 * database error, so inputs check these limits first and say what was wrong.
 */

/** The largest value of a PostgreSQL integer (int4) column. */
export const MAX_INT4 = 2_147_483_647;

/** The largest amount of dollars we store (ARR, deal amount, a month's cost): a round figure under MAX_INT4. */
export const MAX_AMOUNT = 2_000_000_000;

/** "2,000,000,000": an amount or count as people write it. */
export const formatWhole = (n: number) => n.toLocaleString('en-US');

/**
 * Whether `n` can be the number of a stored row (a revision, a proposal): a whole number from 1
 * that fits an integer column. Anything else names nothing, so lookups answer "not found".
 */
export function isRowNumber(n: number): boolean {
	return Number.isInteger(n) && n >= 1 && n <= MAX_INT4;
}
