import { sql, type SQL } from 'drizzle-orm';

/** What happened to one input record, in input order. */
export type UpsertOutcome =
	| { status: 'created' | 'updated' | 'unchanged'; id: string }
	| { status: 'error'; field: string; message: string };

export interface UpsertCounts {
	created: number;
	updated: number;
	unchanged: number;
	errors: number;
}

export function countOutcomes(outcomes: readonly (UpsertOutcome | undefined)[]): UpsertCounts {
	const counts: UpsertCounts = { created: 0, updated: 0, unchanged: 0, errors: 0 };
	for (const o of outcomes) {
		if (!o) continue;
		if (o.status === 'error') counts.errors++;
		else counts[o.status]++;
	}
	return counts;
}

export const fail = (field: string, message: string): UpsertOutcome => ({ status: 'error', field, message });

/**
 * Refuses records whose key an earlier record of the same batch has (two items of one API batch
 * naming the same email, say), so one statement never touches a row twice.
 */
export function refuseRepeatedKeys<T>(
	records: readonly T[],
	outcomes: (UpsertOutcome | undefined)[],
	keysOf: (record: T) => { key: string; field: string; label: string }[],
	noun: string
): void {
	const firstIndex = new Map<string, number>();
	records.forEach((record, i) => {
		if (outcomes[i]) return;
		const keys = keysOf(record);
		const clash = keys.find((k) => firstIndex.has(k.key));
		if (clash) {
			outcomes[i] = fail(clash.field, `has the same ${clash.label} as item ${firstIndex.get(clash.key)! + 1} of this batch; a ${noun} can appear once per batch`);
			return;
		}
		for (const k of keys) firstIndex.set(k.key, i);
	});
}

/** A batch of rows as one JSON parameter, read back with jsonb_to_recordset (one parameter whatever the size). */
export function jsonRows(rows: object[], shape: string): SQL {
	return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(${sql.raw(shape)})`;
}
