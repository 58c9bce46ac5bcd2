/** Display formats shared by every page (en-US, UTC dates so server and browser agree). */

export function formatMoney(amount: number | null | undefined): string {
	if (amount === null || amount === undefined) return '—';
	return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(amount);
}

export function formatDate(value: Date | string | null | undefined): string {
	if (!value) return '—';
	const d = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
	return d.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

export function formatTime(value: Date): string {
	return value.toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC', hour12: false });
}

/** "2026-03-04": the UTC day an event belongs to, for grouping a timeline by day. */
export function dayKey(value: Date): string {
	return value.toISOString().slice(0, 10);
}

export function formatDay(key: string): string {
	return new Date(`${key}T00:00:00Z`).toLocaleDateString('en-US', {
		weekday: 'long',
		year: 'numeric',
		month: 'long',
		day: 'numeric',
		timeZone: 'UTC'
	});
}

export function optionsOf<T extends string>(values: readonly T[], labels?: Partial<Record<T, string>>) {
	return values.map((value) => ({ value, label: labels?.[value] ?? value.charAt(0).toUpperCase() + value.slice(1).replaceAll('_', ' ') }));
}

/** A stored value as an input's text: null and undefined become empty. */
export function fieldValue(value: unknown): string {
	return value === null || value === undefined ? '' : String(value);
}
