/**
 * Case-study timelines aligned on the outcome date: each event's days before the outcome, and
 * which activity types (or tagged signals) occurred before most of the picked accounts' outcomes.
 */
const DAY_MS = 86_400_000;

/** Whole days from `at` to the outcome: 0 on the outcome's last 24 hours, 1 the day before, ... */
export function daysBefore(outcomeAt: Date, at: Date): number {
	return Math.floor((outcomeAt.getTime() - at.getTime()) / DAY_MS);
}

export interface AlignedEvent {
	id: number;
	type: string;
	occurredAt: string;
	daysBefore: number;
}

/** Events in the `windowDays` before the outcome (and not after it), with their days before, latest first. */
export function alignEvents<T extends { id: number; type: string; occurredAt: Date }>(
	events: readonly T[],
	outcomeAt: Date,
	windowDays: number
): (T & { daysBefore: number })[] {
	return events
		.filter((e) => e.occurredAt.getTime() <= outcomeAt.getTime())
		.map((e) => ({ ...e, daysBefore: daysBefore(outcomeAt, e.occurredAt) }))
		.filter((e) => e.daysBefore < windowDays)
		.sort((a, b) => a.daysBefore - b.daysBefore || b.occurredAt.getTime() - a.occurredAt.getTime() || b.id - a.id);
}

export interface PrecedingCount {
	key: string;
	/** Accounts where it occurred at least once before the outcome. */
	accounts: number;
	/** Occurrences over all accounts. */
	occurrences: number;
}

/**
 * For each key (an activity type, a tagged signal), how many of the accounts had it before their
 * outcome: most accounts first, then most occurrences, then by key. `keysOf` lists one account's
 * keys, one entry per occurrence.
 */
export function countPreceding(accounts: readonly (readonly string[])[]): PrecedingCount[] {
	const byKey = new Map<string, PrecedingCount>();
	for (const keys of accounts) {
		for (const key of new Set(keys)) {
			const entry = byKey.get(key) ?? { key, accounts: 0, occurrences: 0 };
			entry.accounts += 1;
			byKey.set(key, entry);
		}
		for (const key of keys) byKey.get(key)!.occurrences += 1;
	}
	return [...byKey.values()].sort((a, b) => b.accounts - a.accounts || b.occurrences - a.occurrences || a.key.localeCompare(b.key));
}
