/**
 * What a plausible email address looks like: one @, a local part of the usual characters, and a
 * domain with a dot and a letters-only top-level part. Written once and used both here and in SQL
 * (PostgreSQL's regular expressions read it the same way), so the hygiene page and forms agree.
 */
const LOCAL = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
export const EMAIL_PATTERN = `^${LOCAL}(\\.${LOCAL})*@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,63}$`;

const emailRegex = new RegExp(EMAIL_PATTERN, 'i');

export function isPlausibleEmail(email: string): boolean {
	return emailRegex.test(email.trim());
}
