/**
 * Signal detection: runs the playbook's stable signals (compiled to SQL) over accounts and keeps
 * the stored hits in step, then alerts and creates tasks for hits that just opened.
 * - `detectSignalsForAccounts`: incremental, for the accounts new activities touched; call it
 *   after the activities are committed (or inside the same transaction).
 * - `sweepSignals`: every account of a workspace; only one sweep per workspace runs at a time
 *   (a Postgres advisory lock, so several app processes can schedule it).
 * Both take a per-workspace write lock in their transaction, so a sweep and an incremental run
 * never interleave their reads and writes; the partial unique index on open hits backs this up.
 */
import { enqueueWebhookEvents } from '../webhooks/enqueue';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { signalHit } from '../db/schema';
import { planHitChanges, type HitChanges, type RuleResult } from '$lib/domain/signals/planHitChanges';
import { runCompiledRule } from './runCompiledRule';
import { cachedDetectionPlan, loadDetectionPlan, type DetectionPlan } from './detectionSignals';
import { writeHitChanges } from './hitWrites';
import { createFollowUps, loadFollowUpContext } from './followUps';
import { evaluateAccounts } from './evaluateAccounts';
import { ACCOUNT_HISTORY_TABLE, createAccountHistory } from './accountHistory';
import { loadStoredHits } from './storedHits';
import { backfillSignalHistory } from './backfillHistory';

export interface DetectionResult {
	opened: number;
	closed: number;
	refreshed: number;
	past: number;
	alerts: number;
	tasks: number;
}

/** Advisory lock classes (first key); the second key is the workspace id's hash. */
const WRITE_LOCK = 61_001;
const SWEEP_LOCK = 61_002;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const lockKey = (workspaceId: string) => sql`hashtext(${workspaceId}::text)`;

/** Up to this many accounts are evaluated in memory; more go through the compiled SQL. */
const IN_MEMORY_ACCOUNTS = 200;

/**
 * Takes the workspace's write lock and checks that `plan` is the current revision's (the lock
 * statement reads the latest revision number), re-reading the plan when it is not.
 */
async function lockWorkspace(tx: Database, workspaceId: string, plan: DetectionPlan): Promise<DetectionPlan> {
	// Hits are derived data that the next detection recomputes, so a detection's commit need not
	// wait for the WAL flush (a crash loses at most the last moments' hits, alerts and tasks
	// together, and the next sweep finds them again): that wait was most of a small detection.
	const [row] = await queryRows<{ revision: number }>(
		tx,
		sql`select pg_advisory_xact_lock(${WRITE_LOCK}::int, ${lockKey(workspaceId)}), set_config('synchronous_commit', 'off', true),
			(select coalesce(max(number), 0)::int from playbook_revision where workspace_id = ${workspaceId}::uuid) as revision`
	);
	return Number(row.revision) === plan.revision ? plan : loadDetectionPlan(tx, workspaceId);
}

async function detect(tx: Database, workspaceId: string, accountIds: string[] | undefined, now: Date, expected: DetectionPlan): Promise<DetectionResult> {
	const small = accountIds !== undefined && accountIds.length <= IN_MEMORY_ACCOUNTS;
	let plan: DetectionPlan;
	let stored: Awaited<ReturnType<typeof loadStoredHits>>;
	let inMemory: Map<string, RuleResult[]> | null = null;
	if (small) {
		// A few accounts: the lock, the revision check and every read leave as one pipeline (they
		// run in order on the connection, so the reads still come after the lock). Only when the
		// playbook moved on meanwhile are the accounts evaluated again, with the new plan.
		[plan, stored, inMemory] = await Promise.all([
			lockWorkspace(tx, workspaceId, expected),
			loadStoredHits(tx, workspaceId, accountIds),
			evaluateAccounts(tx, workspaceId, accountIds, expected.signals, now)
		]);
		if (plan !== expected) inMemory = await evaluateAccounts(tx, workspaceId, accountIds, plan.signals, now);
	} else {
		plan = await lockWorkspace(tx, workspaceId, expected);
		// Rules sort and window every matching event per account: keep those sorts in memory. The
		// planner's estimates for these queries are high enough to trigger JIT compilation, which
		// costs more (about a second per rule on 2,000,000 activities) than it ever saves here.
		await tx.execute(sql`select set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`);
		await createAccountHistory(tx, workspaceId, now, accountIds);
		stored = await loadStoredHits(tx, workspaceId, accountIds);
	}
	const backfilled = accountIds === undefined ? await backfillSignalHistory(tx, workspaceId, plan.signals, plan.revision, now) : 0;
	const { open, latest } = stored;
	const planned: { signalKey: string; changes: HitChanges }[] = [];
	for (const signal of plan.signals) {
		const results = inMemory?.get(signal.key) ?? (await runCompiledRule(tx, signal.rule, { workspaceId, now, accountIds, evidence: 'last', historyTable: ACCOUNT_HISTORY_TABLE }));
		const starts = latest.get(signal.key) ?? new Map<string, Date>();
		planned.push({ signalKey: signal.key, changes: planHitChanges(results, open.filter((h) => h.signalKey === signal.key), starts, now) });
	}
	const opened = await writeHitChanges(tx, workspaceId, plan.revision, now, planned);
	const names = new Map(plan.signals.map((sg) => [sg.key, sg.name]));
	await enqueueWebhookEvents(
		tx,
		workspaceId,
		'signal.fired',
		opened.map((h) => ({
			signal: { key: h.signalKey, name: names.get(h.signalKey) ?? h.signalKey },
			account: { id: h.accountId },
			hitId: h.id,
			firedAt: h.firstFiredAt.toISOString(),
			evidenceActivityIds: h.evidence
		}))
	);
	const total: DetectionResult = {
		opened: opened.length,
		closed: planned.reduce((n, p) => n + p.changes.closed.length, 0),
		refreshed: planned.reduce((n, p) => n + p.changes.refreshed.length, 0),
		past: backfilled + planned.reduce((n, p) => n + p.changes.past.length, 0),
		alerts: 0,
		tasks: 0
	};
	if (opened.length > 0) {
		const ctx = await loadFollowUpContext(tx, workspaceId);
		for (const signal of plan.signals) {
			const followUps = await createFollowUps(tx, workspaceId, signal, opened.filter((h) => h.signalKey === signal.key), ctx, now);
			total.alerts += followUps.alerts;
			total.tasks += followUps.tasks;
		}
	}
	// Signals that left the stable set (retired, removed, made draft) no longer hold anywhere.
	const keys = new Set(plan.signals.map((s) => s.key));
	const orphaned = open.filter((h) => !keys.has(h.signalKey)).map((h) => h.id);
	if (orphaned.length > 0) {
		await tx
			.update(signalHit)
			.set({ closedAt: now })
			.where(and(eq(signalHit.workspaceId, workspaceId), inArray(signalHit.id, orphaned), isNull(signalHit.closedAt)));
		total.closed += orphaned.length;
	}
	return total;
}

/**
 * Detection for the accounts some new activities touched. Pass the database or the transaction
 * the activities were written in; runs in its own (nested) transaction.
 */
export async function detectSignalsForAccounts(
	db: Database,
	workspaceId: string,
	accountIds: string[],
	options: { now?: Date } = {}
): Promise<DetectionResult> {
	const ids = [...new Set(accountIds)];
	const bad = ids.find((id) => !UUID.test(id));
	if (bad !== undefined) throw new Error(`account id is not a UUID: ${bad}`);
	if (ids.length === 0) return { opened: 0, closed: 0, refreshed: 0, past: 0, alerts: 0, tasks: 0 };
	// The plan read last time is checked inside the transaction, which saves a round trip per call.
	const plan = cachedDetectionPlan(workspaceId) ?? (await loadDetectionPlan(db, workspaceId));
	return db.transaction((tx) => detect(tx as unknown as Database, workspaceId, ids, options.now ?? new Date(), plan));
}

/**
 * Detection for every account of the workspace. Returns null without doing anything when
 * another sweep of this workspace is running (in this or another process).
 */
export async function sweepSignals(db: Database, workspaceId: string, options: { now?: Date } = {}): Promise<DetectionResult | null> {
	const plan = await loadDetectionPlan(db, workspaceId);
	return db.transaction(async (tx) => {
		const [row] = await queryRows<{ locked: boolean }>(
			tx as unknown as Database,
			sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}::int, ${lockKey(workspaceId)}) as locked`
		);
		if (!row.locked) return null;
		return detect(tx as unknown as Database, workspaceId, undefined, options.now ?? new Date(), plan);
	});
}
