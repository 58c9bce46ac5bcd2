/** What an admin must type to confirm erasing a contact: their full name or their email. */
export function confirmsErasure(typed: string, contact: { firstName: string; lastName: string; email: string | null }): boolean {
	const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
	const t = norm(typed);
	if (!t) return false;
	return t === norm(`${contact.firstName} ${contact.lastName}`) || (contact.email !== null && t === norm(contact.email));
}

/**
 * The texts to remove wherever they appear once a contact is erased: the email, the full name, and
 * the name written last-name-first. Parts shorter than three letters are left out (they would match
 * unrelated words).
 */
export function erasureNeedles(contact: { firstName: string; lastName: string; email: string | null }): string[] {
	const first = contact.firstName.trim();
	const last = contact.lastName.trim();
	const needles = [contact.email?.trim() ?? '', last ? `${first} ${last}` : first, last ? `${last}, ${first}` : '', last ? `${last} ${first}` : ''];
	return [...new Set(needles.filter((n) => n.length >= 3))];
}

/**
 * A case-insensitive regular expression (read the same by JavaScript and PostgreSQL) matching any
 * needle as it appears in text or inside JSON text (where quotes and backslashes are escaped).
 */
export function erasurePattern(needles: string[]): string | null {
	const forms = new Set<string>();
	for (const n of needles) {
		forms.add(n);
		forms.add(JSON.stringify(n).slice(1, -1));
	}
	const escaped = [...forms].filter(Boolean).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return escaped.length ? escaped.join('|') : null;
}
