import { TransactionRollbackError } from 'drizzle-orm';
import type { Database } from '../db/index';
import type { ImportPlan } from '../../domain/import/plan';
import type { ImportEntity } from '../../domain/import/fields';
import { fieldOf } from '../../domain/import/fields';
import { duplicateKeys, rowValidator } from '../../domain/import/validateRow';
import { SeenKeys } from '../../domain/import/seenKeys';
import type { ImportRecord } from '../../domain/import/records';
import { upsertAccounts, upsertActivities, upsertContacts, upsertDeals, type UpsertOutcome } from '../crmUpsert/index';
import { isBlankRow, readCsvChunks } from './readCsv';
import { detectTouchedAccounts } from '../signals/detectTouched';

export type RunMode = 'dry_run' | 'import';

export interface RunCounts {
	created: number;
	updated: number;
	unchanged: number;
	duplicates: number;
	errors: number;
}

export interface RunIssue {
	rowNumber: number;
	kind: 'error' | 'duplicate';
	column: string;
	reason: string;
	cells: string[];
}

export interface RunProgress {
	rowsRead: number;
	bytesRead: number;
	counts: RunCounts;
}

export interface RunOptions {
	db: Database;
	workspaceId: string;
	filePath: string;
	plan: ImportPlan;
	mode: RunMode;
	/** Import only: nothing is committed when any row fails. */
	allOrNothing?: boolean;
	batchSize?: number;
	/** Batches written at once when each has its own transaction (default 2). */
	concurrency?: number;
	/** Issues kept for the report and the errors file; counts stay complete beyond it. */
	maxIssues?: number;
	onProgress?: (progress: RunProgress) => void | Promise<void>;
	isCancelled?: () => boolean | Promise<boolean>;
	/**
	 * Called in the transaction that commits the last of the import's rows (the whole import's
	 * transaction for all or nothing), so its audit entry exists exactly when the data does.
	 */
	onCommit?: (tx: Database, result: { counts: RunCounts; rowsRead: number }) => Promise<void>;
	/** The clock signal detection uses after an activities import (tests); now by default. */
	now?: Date;
}

export interface RunResult {
	counts: RunCounts;
	rowsRead: number;
	issues: RunIssue[];
	issuesTruncated: boolean;
	/** done; cancelled (rows of earlier batches stay unless all or nothing); rolled_back (all or nothing with errors). */
	outcome: 'done' | 'cancelled' | 'rolled_back';
	/** Accounts that got new activities saved (activities imports); signal detection ran for them. */
	accountsTouched: number;
}

type Upsert = (db: Database, workspaceId: string, records: never[]) => Promise<UpsertOutcome[]>;
const UPSERTS: Record<ImportEntity, Upsert> = {
	accounts: upsertAccounts as Upsert,
	contacts: upsertContacts as Upsert,
	deals: upsertDeals as Upsert,
	activities: upsertActivities as Upsert
};

interface Pending {
	rowNumber: number;
	cells: string[];
	record: ImportRecord;
}

class Rollback extends Error {}

/**
 * The import path, for the dry run and the real import alike: streams the file, validates each
 * row, skips rows that repeat an earlier row's key, and upserts the rest in set-based batches.
 * A dry run writes each batch and rolls it back, so its counts are what the import will do.
 * The import commits batch by batch, or, all or nothing, in one transaction rolled back if any
 * row fails. Reading the next batch overlaps writing the previous one.
 */
export async function runImportFile(options: RunOptions): Promise<RunResult> {
	const { db, workspaceId, plan, mode } = options;
	const batchSize = options.batchSize ?? 2000;
	const maxIssues = options.maxIssues ?? 5000;
	const allOrNothing = mode === 'import' && !!options.allOrNothing;
	const counts: RunCounts = { created: 0, updated: 0, unchanged: 0, duplicates: 0, errors: 0 };
	const issues: RunIssue[] = [];
	let issuesTruncated = false;
	const seen = new SeenKeys(4096);
	const upsert = UPSERTS[plan.entity];
	let rowsRead = 0;
	let bytesRead = 0;
	let cancelled = false;
	/** Accounts with new activities in committed batches (pending: written, commit not yet known). */
	const touched = new Set<string>();
	const pending = new Set<string>();

	const validateRow = rowValidator(plan);
	/** The first of a row's keys an earlier row had, with that row's number. */
	const firstClash = (keys: { key: string; label: string }[]) => {
		for (const k of keys) {
			const row = seen.firstRow(k.key);
			if (row !== undefined) return { label: k.label, row };
		}
		return null;
	};
	const addIssue = (issue: RunIssue) => {
		if (issues.length < maxIssues) issues.push(issue);
		else issuesTruncated = true;
	};
	const columnOf = (field: string) => {
		const f = fieldOf(plan.entity, field);
		const column = f ? (plan.mapping[f.key] ?? -1) : -1;
		return column >= 0 ? plan.headers[column] : (f?.label ?? field);
	};

	async function write(tx: Database, batch: Pending[], into: Set<string>): Promise<void> {
		const outcomes = await upsert(tx, workspaceId, batch.map((p) => p.record) as never[]);
		outcomes.forEach((o, i) => {
			if (o.status === 'created' && o.accountId) into.add(o.accountId);
			if (o.status === 'error') {
				counts.errors++;
				addIssue({ rowNumber: batch[i].rowNumber, kind: 'error', column: columnOf(o.field), reason: o.message, cells: batch[i].cells });
			} else counts[o.status]++;
		});
	}

	async function writeBatch(tx: Database | null, batch: Pending[]): Promise<void> {
		if (tx) return write(tx, batch, pending);
		for (let attempt = 1; ; attempt++) {
			const accounts = new Set<string>();
			try {
				await db.transaction(async (t) => {
					await write(t as unknown as Database, batch, accounts);
					if (mode === 'dry_run') throw new Rollback();
				});
				accounts.forEach((id) => touched.add(id));
				return;
			} catch (e) {
				if (e instanceof Rollback || e instanceof TransactionRollbackError) return;
				// Two batches in flight that update the same stored rows in opposite order: run it again.
				if (attempt < 3 && isRetryable(e)) continue;
				throw e;
			}
		}
	}

	async function stream(tx: Database | null): Promise<void> {
		let batch: Pending[] = [];
		// Batches in their own transactions can be written two at a time (their keys never overlap:
		// repeats were skipped above); one shared transaction takes them one by one.
		const depth = tx ? 1 : (options.concurrency ?? 2);
		const writing: Promise<void>[] = [];
		const flush = async (room: number) => {
			while (writing.length > room) await writing.shift();
			await options.onProgress?.({ rowsRead, bytesRead, counts: { ...counts } });
			if (await options.isCancelled?.()) cancelled = true;
		};
		let rowNumber = 0;
		chunks: for await (const rows of readCsvChunks(options.filePath, { onBytes: (b) => (bytesRead = b) })) {
			for (const cells of rows) {
				// Row 1 is the header.
				if (++rowNumber === 1 || isBlankRow(cells)) continue;
				rowsRead++;
				const result = validateRow(cells);
				if (!result.ok) {
					counts.errors++;
					for (const issue of result.issues) addIssue({ rowNumber, kind: 'error', ...issue, cells });
					continue;
				}
				const keys = duplicateKeys(plan.entity, result.record);
				const clash = firstClash(keys);
				if (clash) {
					counts.duplicates++;
					addIssue({ rowNumber, kind: 'duplicate', column: '', reason: `same ${clash.label} as row ${clash.row}; skipped`, cells });
					continue;
				}
				for (const k of keys) seen.remember(k.key, rowNumber);
				batch.push({ rowNumber, cells, record: result.record });
				if (batch.length >= batchSize) {
					await flush(depth - 1);
					if (cancelled) break chunks;
					const write = writeBatch(tx, batch);
					// Awaited at a later flush; until then, a failure must not count as unhandled.
					write.catch(() => {});
					writing.push(write);
					batch = [];
				}
			}
		}
		if (!cancelled && batch.length) {
			await flush(depth - 1);
			if (!cancelled) writing.push(writeBatch(tx, batch));
		}
		await flush(0);
	}

	let outcome: RunResult['outcome'] = 'done';
	if (allOrNothing) {
		try {
			await db.transaction(async (t) => {
				const tx = t as unknown as Database;
				await stream(tx);
				if (cancelled || counts.errors > 0) throw new Rollback();
				await options.onCommit?.(tx, { counts, rowsRead });
			});
			pending.forEach((id) => touched.add(id));
		} catch (e) {
			if (!(e instanceof Rollback)) throw e;
			outcome = cancelled ? 'cancelled' : 'rolled_back';
		}
	} else {
		await stream(null);
		if (cancelled) outcome = 'cancelled';
		if (mode === 'import' && counts.created + counts.updated > 0) {
			await db.transaction(async (t) => options.onCommit?.(t as unknown as Database, { counts, rowsRead }));
		}
	}
	// After the commit: a failure is logged inside, since the rows are saved and the sweep catches up.
	if (mode === 'import') await detectTouchedAccounts(db, workspaceId, touched, { now: options.now, source: 'a CSV import' });
	issues.sort((a, b) => a.rowNumber - b.rowNumber);
	return { counts, rowsRead, issues, issuesTruncated, outcome, accountsTouched: touched.size };
}

/** Deadlock or serialization failure, possibly wrapped by drizzle. */
function isRetryable(error: unknown): boolean {
	for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
		if (e.code === '40P01' || e.code === '40001') return true;
	}
	return false;
}
