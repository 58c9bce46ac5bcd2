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
import { webhookEventsStatement } from '../webhooks/enqueue';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { pipelinedTransaction, runWrites, type PipelinedWork, type SqlRunner } from '../db/pipeline';
import { planHitChanges, type HitChanges, type RuleResult } from '$lib/domain/signals/planHitChanges';
import { runCompiledRule } from './runCompiledRule';
import { cachedDetectionPlan, loadDetectionPlan, type DetectionPlan } from './detectionSignals';
import { nameOpenedHits, writeHitStatements, type OpenedHit } from './hitWrites';
import { loadFollowUpContext, planFollowUps, type FollowUpContext, type FollowUps } from './followUps';
import { evaluateAccounts } from './evaluateAccounts';
import { ACCOUNT_HISTORY_TABLE, createAccountHistory } from './accountHistory';
import { loadStoredHits, type StoredHits } from './storedHits';
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
 * statement reads the latest revision number), re-reading the plan (with `reload`) when it is not.
 */
async function lockWorkspace(tx: SqlRunner, workspaceId: string, plan: DetectionPlan, reload: () => Promise<DetectionPlan>, few = false): Promise<DetectionPlan> {
	// Hits are derived data that the next detection recomputes, so a detection's commit need not
	// wait for the WAL flush (a crash loses at most the last moments' hits, alerts and tasks
	// together, and the next sweep finds them again): that wait was most of a small detection.
	// A few accounts' reads are prepared statements whose plan does not depend on the values (index
	// lookups by workspace and account); left to itself PostgreSQL planned some of them anew on
	// every call, which cost about as much as running them.
	// JIT compilation never pays for itself in detection, small or sweep (about 25 ms per statement
	// whose generic plan looks costly, such as the task insert's per-member counts).
	const generic = few ? sql`, set_config('plan_cache_mode', 'force_generic_plan', true)` : sql``;
	const [row] = await queryRows<{ revision: number }>(
		tx,
		sql`select pg_advisory_xact_lock(${WRITE_LOCK}::int, ${lockKey(workspaceId)}), set_config('synchronous_commit', 'off', true), set_config('jit', 'off', true)${generic},
			(select coalesce(max(number), 0)::int from playbook_revision where workspace_id = ${workspaceId}::uuid) as revision`
	);
	return Number(row.revision) === plan.revision ? plan : reload();
}

/** What detection read and evaluated, before anything is written. */
interface Evaluated {
	plan: DetectionPlan;
	stored: StoredHits;
	/** Per signal key, the accounts its rule fires for. */
	results: Map<string, RuleResult[]>;
	/** Past occurrences the first sweep recorded. */
	backfilled: number;
	/** Read with the rest when few accounts are evaluated; otherwise only when hits open. */
	followUps?: FollowUpContext;
	/** Every account of the workspace was evaluated. */
	sweep: boolean;
}

/**
 * A few accounts: the lock, the revision check and every read leave together (they run in order
 * on the connection, so the reads still come after the lock), and the accounts are evaluated in
 * memory. Only when the playbook moved on meanwhile are they evaluated again, with the new plan.
 */
async function evaluateFew(tx: SqlRunner, workspaceId: string, accountIds: string[], now: Date, expected: DetectionPlan, reload: () => Promise<DetectionPlan>): Promise<Evaluated> {
	const [plan, stored, results, followUps] = await Promise.all([
		lockWorkspace(tx, workspaceId, expected, reload, true),
		loadStoredHits(tx, workspaceId, accountIds),
		evaluateAccounts(tx, workspaceId, accountIds, expected.signals, now),
		loadFollowUpContext(tx, workspaceId, accountIds)
	]);
	if (plan === expected) return { plan, stored, results, backfilled: 0, followUps, sweep: false };
	return { plan, stored, results: await evaluateAccounts(tx, workspaceId, accountIds, plan.signals, now), backfilled: 0, followUps, sweep: false };
}

/** Many accounts or the whole workspace (`accountIds` undefined): each rule compiled to SQL. */
async function evaluateMany(tx: Database, workspaceId: string, accountIds: string[] | undefined, now: Date, expected: DetectionPlan): Promise<Evaluated> {
	const plan = await lockWorkspace(tx, workspaceId, expected, () => loadDetectionPlan(tx, workspaceId));
	// Rules sort and window every matching event per account: keep those sorts in memory. The
	// planner's estimates for these queries are high enough to trigger JIT compilation, which
	// costs more (about a second per rule on 2,000,000 activities) than it ever saves here
	// (lockWorkspace has turned it off).
	await tx.execute(sql`select set_config('work_mem', '64MB', true)`);
	await createAccountHistory(tx, workspaceId, now, accountIds);
	const stored = await loadStoredHits(tx, workspaceId, accountIds);
	const backfilled = accountIds === undefined ? await backfillSignalHistory(tx, workspaceId, plan.signals, plan.revision, now) : 0;
	const results = new Map<string, RuleResult[]>();
	for (const signal of plan.signals) {
		results.set(signal.key, await runCompiledRule(tx, signal.rule, { workspaceId, now, accountIds, evidence: 'last', historyTable: ACCOUNT_HISTORY_TABLE }));
	}
	return { plan, stored, results, backfilled, sweep: accountIds === undefined };
}

/**
 * Turns what was evaluated into the writes that keep stored hits in step, with the alerts, tasks
 * and webhook events of the hits that open. Reads only when hits open (who to alert and assign).
 */
async function planDetectionWrites(tx: SqlRunner, workspaceId: string, evaluated: Evaluated, now: Date): Promise<PipelinedWork<DetectionResult>> {
	const { plan, stored, results, backfilled } = evaluated;
	const { open, latest } = stored;
	// A sweep confirms every hit that still holds; a few accounts' detection writes only what changed.
	const context = { now, revision: plan.revision, confirm: evaluated.sweep };
	const planned: { signalKey: string; changes: HitChanges }[] = [];
	for (const signal of plan.signals) {
		const starts = latest.get(signal.key) ?? new Map<string, Date>();
		planned.push({ signalKey: signal.key, changes: planHitChanges(results.get(signal.key) ?? [], open.filter((h) => h.signalKey === signal.key), starts, context) });
	}
	const opened = nameOpenedHits(planned);
	let followUps: FollowUps | null = null;
	let fired: SQL | null = null;
	if (opened.length > 0) {
		const ctx = evaluated.followUps ?? (await loadFollowUpContext(tx, workspaceId, opened.map((h) => h.accountId)));
		followUps = planFollowUps(workspaceId, plan.signals, opened, ctx, now);
		if (ctx.webhookEvents.has('signal.fired')) fired = signalFiredEvents(workspaceId, plan, opened);
	}
	// Signals that left the stable set (retired, removed, made draft) no longer hold anywhere.
	const keys = new Set(plan.signals.map((s) => s.key));
	const orphaned = open.filter((h) => !keys.has(h.signalKey)).map((h) => h.id);
	// In this order: the tasks before the hits that point at them, the hits before their alerts.
	const writes = [
		...(followUps?.tasks ? [followUps.tasks] : []),
		...writeHitStatements(workspaceId, plan.revision, now, planned, opened, followUps?.taskOf ?? new Map()),
		...(followUps?.alerts ?? []),
		...(fired ? [fired] : []),
		...(orphaned.length > 0
			? [sql`update signal_hit set closed_at = ${now.toISOString()}::timestamptz
				where workspace_id = ${workspaceId}::uuid and id = any(${`{${orphaned.join(',')}}`}::uuid[]) and closed_at is null`]
			: [])
	];
	const result: DetectionResult = {
		opened: opened.length,
		closed: orphaned.length + planned.reduce((n, p) => n + p.changes.closed.length, 0),
		refreshed: planned.reduce((n, p) => n + p.changes.refreshed.length, 0),
		past: backfilled + planned.reduce((n, p) => n + p.changes.past.length, 0),
		alerts: followUps?.alertCount ?? 0,
		tasks: followUps?.taskCount ?? 0
	};
	return { result, writes };
}

/** The signal.fired webhook events of the hits just opened. */
function signalFiredEvents(workspaceId: string, plan: DetectionPlan, opened: OpenedHit[]): SQL | null {
	const names = new Map(plan.signals.map((sg) => [sg.key, sg.name]));
	return webhookEventsStatement(
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
}

/** Detection of many accounts (or all: `accountIds` undefined) inside the caller's transaction. */
async function detectMany(tx: Database, workspaceId: string, accountIds: string[] | undefined, now: Date, plan: DetectionPlan): Promise<DetectionResult> {
	const { result, writes } = await planDetectionWrites(tx, workspaceId, await evaluateMany(tx, workspaceId, accountIds, now, plan), now);
	await runWrites(tx, writes);
	return result;
}

/**
 * Detection for the accounts some new activities touched. Pass the database or the transaction
 * the activities were written in; runs in its own (nested) transaction. A few accounts take two
 * round trips on PostgreSQL (pipelinedTransaction; one when nothing changes).
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
	const now = options.now ?? new Date();
	// The plan read last time is checked inside the transaction, which saves a round trip per call.
	const plan = cachedDetectionPlan(workspaceId) ?? (await loadDetectionPlan(db, workspaceId));
	if (ids.length <= IN_MEMORY_ACCOUNTS) {
		return pipelinedTransaction(db, async (run, planDb) =>
			planDetectionWrites(run, workspaceId, await evaluateFew(run, workspaceId, ids, now, plan, () => loadDetectionPlan(planDb, workspaceId)), now)
		);
	}
	return db.transaction((tx) => detectMany(tx as unknown as Database, workspaceId, ids, now, plan));
}

/**
 * Detection for every account of the workspace. Returns null without doing anything when
 * another sweep of this workspace is running (in this or another process).
 */
export async function sweepSignals(db: Database, workspaceId: string, options: { now?: Date } = {}): Promise<DetectionResult | null> {
	const plan = await loadDetectionPlan(db, workspaceId);
	return db.transaction(async (t) => {
		const tx = t as unknown as Database;
		const [row] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}::int, ${lockKey(workspaceId)}) as locked`);
		if (!row.locked) return null;
		return detectMany(tx, workspaceId, undefined, options.now ?? new Date(), plan);
	});
}
