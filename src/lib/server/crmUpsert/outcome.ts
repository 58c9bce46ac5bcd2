import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';

/** What happened to one input record, in input order. */
export type UpsertOutcome =
	/** accountId: the account an activity was added to (activities only), for detection after commit. */
	| { status: 'created' | 'updated' | 'unchanged'; id: string; accountId?: string }
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

/**
 * Splits the records still without an outcome into updates of the rows they matched and inserts
 * of new rows (with fresh ids), and refuses a record that matches the same stored row as an
 * earlier one, or that would create a row without its required field. Sets each outcome.
 */
export function splitUpserts<T>(
	records: readonly T[],
	outcomes: (UpsertOutcome | undefined)[],
	matchOf: ReadonlyMap<number, string>,
	plan: {
		noun: string;
		/** A fresh object per record: it is given the id of its row. */
		toRow: (record: T, index: number) => object;
		/** The field that made the match, named in the refusal. */
		matchField: (record: T) => string;
		/** A refusal when a new row would lack a required field. */
		missing: (record: T) => { field: string; message: string } | null;
	}
): { inserts: object[]; updates: object[] } {
	const inserts: object[] = [];
	const updates: object[] = [];
	const targetOwner = new Map<string, number>();
	records.forEach((r, i) => {
		if (outcomes[i]) return;
		const row = plan.toRow(r, i);
		const id = matchOf.get(i);
		if (id) {
			const earlier = targetOwner.get(id);
			if (earlier !== undefined) {
				outcomes[i] = fail(plan.matchField(r), `matches the same existing ${plan.noun} as item ${earlier + 1} of this batch`);
				return;
			}
			targetOwner.set(id, i);
			(row as { id?: string }).id = id;
			updates.push(row);
			outcomes[i] = { status: 'unchanged', id };
			return;
		}
		const missing = plan.missing(r);
		if (missing) {
			outcomes[i] = fail(missing.field, missing.message);
			return;
		}
		const newId = randomUUID();
		(row as { id?: string }).id = newId;
		inserts.push(row);
		outcomes[i] = { status: 'created', id: newId };
	});
	return { inserts, updates };
}

/** A batch of rows as one JSON parameter, read back with json_to_recordset (json, not jsonb: unpacked once, it parses in half the time) (one parameter whatever the size). */
export function jsonRows(rows: object[], shape: string): SQL {
	return sql`json_to_recordset(${JSON.stringify(rows)}::json) as v(${sql.raw(shape)})`;
}
