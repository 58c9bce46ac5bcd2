/**
 * The picked accounts' timelines aligned on their outcome date, for a case study: the events of
 * the window before the churn or upgrade, the stable playbook signals whose evidence they are,
 * and which activity types occurred before most of the outcomes.
 */
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Database } from '../db/index';
import { activity } from '../db/schema';
import { listOutcomeAccounts, type OutcomeAccount } from './outcomeAccounts';
import { listFiredSignals } from '../sessions/firedSignals';
import { alignEvents, countPreceding, type PrecedingCount } from '../../domain/caseStudies/alignTimelines';
import type { OutcomeKind } from '../../domain/caseStudies/outcomes';
import { describeActivity } from '../../domain/crm/describeActivity';
import type { ActivityType } from '../../domain/crm/activityTypes';

export const CASE_WINDOW_DAYS = 120;
/** At most this many accounts side by side (each column reads a timeline and evaluates the playbook). */
export const MAX_CASE_ACCOUNTS = 6;

export interface CaseEvent {
	id: number;
	type: ActivityType;
	occurredAt: string;
	daysBefore: number;
	summary: string;
	tone: 'positive' | 'neutral' | 'negative' | null;
	/** Names of the stable playbook signals this event is evidence of. */
	signals: string[];
}

export interface CaseColumn {
	account: Omit<OutcomeAccount, 'outcomeAt'> & { outcomeAt: string };
	events: CaseEvent[];
}

export interface CaseTimelines {
	windowDays: number;
	columns: CaseColumn[];
	/** Activity types before most of the outcomes (the outcome itself left out). */
	activityTypes: PrecedingCount[];
	/** Playbook signals whose evidence fell in the window, by how many accounts showed them. */
	signals: PrecedingCount[];
}

const DAY_MS = 86_400_000;

/** Null-free: accounts without the outcome (or not in this workspace) are left out. */
export async function loadAlignedTimelines(
	db: Database,
	workspaceId: string,
	kind: OutcomeKind,
	accountIds: readonly string[],
	options: { windowDays?: number; now?: Date } = {}
): Promise<CaseTimelines> {
	const windowDays = options.windowDays ?? CASE_WINDOW_DAYS;
	const picked = await listOutcomeAccounts(db, workspaceId, kind, { accountIds: [...new Set(accountIds)].slice(0, MAX_CASE_ACCOUNTS) });
	const order = new Map(accountIds.map((id, i) => [id, i]));
	picked.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
	const fired = await listFiredSignals(db, workspaceId, picked.map((a) => a.id), options.now);
	const columns = await Promise.all(
		picked.map(async (acc): Promise<CaseColumn> => {
			const rows = await db
				.select({ id: activity.id, type: activity.type, occurredAt: activity.occurredAt, properties: activity.properties })
				.from(activity)
				.where(
					and(
						eq(activity.workspaceId, workspaceId),
						eq(activity.accountId, acc.id),
						gte(activity.occurredAt, new Date(acc.outcomeAt.getTime() - windowDays * DAY_MS)),
						lte(activity.occurredAt, acc.outcomeAt)
					)
				)
				.orderBy(asc(activity.occurredAt), asc(activity.id));
			const evidenceOf = new Map<number, string[]>();
			for (const f of fired.filter((x) => x.accountId === acc.id))
				for (const id of f.evidence) evidenceOf.set(id, [...new Set([...(evidenceOf.get(id) ?? []), f.name])]);
			const events = alignEvents(rows, acc.outcomeAt, windowDays).map((e) => {
				const d = describeActivity(e.type, e.properties);
				return { id: e.id, type: e.type, occurredAt: e.occurredAt.toISOString(), daysBefore: e.daysBefore, summary: d.summary, tone: d.tone ?? null, signals: evidenceOf.get(e.id) ?? [] };
			});
			return { account: { ...acc, outcomeAt: acc.outcomeAt.toISOString() }, events };
		})
	);
	const outcomeType = kind === 'churn' ? 'churned' : 'plan_upgraded';
	return {
		windowDays,
		columns,
		activityTypes: countPreceding(columns.map((c) => c.events.filter((e) => !(e.daysBefore === 0 && e.type === outcomeType)).map((e) => e.type))),
		signals: countPreceding(columns.map((c) => c.events.flatMap((e) => e.signals)))
	};
}
