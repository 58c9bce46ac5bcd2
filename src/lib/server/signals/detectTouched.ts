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
