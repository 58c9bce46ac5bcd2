/**
 * Detection after new activities are committed (logged by hand, ingested through the API, or
 * imported from CSV): incremental for the accounts they touched, or one workspace sweep when a
 * write touched so many accounts that evaluating them one set at a time would cost more.
 * The activities are already saved, so a detection failure is logged, never thrown: the
 * scheduled sweep catches up.
 */
import type { Database } from '../db/index';
import { detectSignalsForAccounts, sweepSignals, type DetectionResult } from './detectSignals';

/** Past this many touched accounts, a write is followed by a sweep of the workspace instead. */
export const SWEEP_AFTER_ACCOUNTS = 500;

/**
 * Runs detection for the accounts a committed write touched. Returns the result, or null when
 * nothing ran (no accounts, another sweep held the workspace, or detection failed and was logged).
 */
export async function detectTouchedAccounts(
	db: Database,
	workspaceId: string,
	accountIds: Iterable<string>,
	options: { now?: Date; source: string }
): Promise<DetectionResult | null> {
	const ids = [...new Set(accountIds)];
	if (ids.length === 0) return null;
	try {
		if (ids.length > SWEEP_AFTER_ACCOUNTS) return await sweepSignals(db, workspaceId, { now: options.now });
		return await detectSignalsForAccounts(db, workspaceId, ids, { now: options.now });
	} catch (e) {
		console.error(`Signal detection after ${options.source} failed (the scheduled sweep will catch up):`, e);
		return null;
	}
}

interface DetectionQueue {
	pending: Set<string>;
	now: Date | undefined;
	/** The run that will take `pending` (scheduled, not started). */
	next: Promise<void> | null;
	current: Promise<void> | null;
}

const queues = new Map<string, DetectionQueue>();

/**
 * Detection for a write whose caller should not wait for it (an API ingest batch): the accounts
 * join the workspace's queue, and one background run at a time takes everything queued so far, so a
 * stream of batches is detected in a few large runs rather than one run per batch (and a run of many
 * accounts becomes a sweep, as in detectTouchedAccounts). Resolves when the run that covers these
 * accounts has finished. Queued accounts are lost if the process dies first: the sweep catches up.
 */
export function queueDetection(db: Database, workspaceId: string, accountIds: Iterable<string>, options: { now?: Date; source: string }): Promise<void> {
	let q = queues.get(workspaceId);
	if (!q) queues.set(workspaceId, (q = { pending: new Set(), now: undefined, next: null, current: null }));
	const queue = q;
	for (const id of accountIds) queue.pending.add(id);
	queue.now = options.now;
	if (queue.pending.size === 0 && !queue.next) return queue.current ?? Promise.resolve();
	if (!queue.next) {
		const previous = queue.current;
		queue.next = (async () => {
			await previous;
			const ids = queue.pending;
			const now = queue.now;
			queue.pending = new Set();
			queue.next = null;
			const run = detectTouchedAccounts(db, workspaceId, ids, { now, source: options.source }).then(() => undefined);
			queue.current = run;
			await run;
			if (queue.current === run) queue.current = null;
			if (!queue.next && !queue.current && queue.pending.size === 0) queues.delete(workspaceId);
		})();
	}
	return queue.next;
}
