import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { account, practiceSession, user } from '../db/schema';
import type { WinKind } from '../../domain/session';
import { loadSessionState } from './sessionState';

export interface SessionOutcomeCounts {
	tags: number;
	actionItems: number;
	wins: number;
	insights: number;
}

const length = (key: string) => sql<number>`coalesce(jsonb_array_length(${practiceSession.state} -> ${key}), 0)`.mapWith(Number);

/**
 * What each session left behind, counted in the database from its state snapshot; a live session
 * whose snapshot trails its last events (sessionState.ts) is counted from its rebuilt state.
 */
export async function countSessionOutcomes(db: Database, workspaceId: string, sessionIds: string[]): Promise<Record<string, SessionOutcomeCounts>> {
	if (sessionIds.length === 0) return {};
	const rows = await db
		.select({
			id: practiceSession.id,
			lastSeq: practiceSession.lastSeq,
			snapshotSeq: sql<number>`(${practiceSession.state} ->> 'lastSeq')::integer`.mapWith(Number),
			tags: length('tags'),
			actionItems: length('actionItems'),
			wins: length('wins'),
			insights: length('insights')
		})
		.from(practiceSession)
		.where(and(eq(practiceSession.workspaceId, workspaceId), inArray(practiceSession.id, sessionIds)));
	const counted = await Promise.all(
		rows.map(async ({ id, lastSeq, snapshotSeq, ...counts }): Promise<[string, SessionOutcomeCounts]> => {
			if (snapshotSeq >= lastSeq) return [id, counts];
			const { state } = (await loadSessionState(db, id, lastSeq))!;
			return [id, { tags: state.tags.length, actionItems: state.actionItems.length, wins: state.wins.length, insights: state.insights.length }];
		})
	);
	return Object.fromEntries(counted);
}

export interface RecentWin {
	id: string;
	kind: WinKind;
	text: string;
	recordedAt: string;
	accountId: string | null;
	accountName: string | null;
	recordedByName: string | null;
	sessionId: string;
	sessionTitle: string;
}

/** The latest signal wins recorded in this workspace's sessions, newest first, for the home page. */
export async function listRecentWins(db: Database, workspaceId: string, limit = 5): Promise<RecentWin[]> {
	const win = sql`w.value`;
	const rows = await db
		.select({
			sessionId: practiceSession.id,
			sessionTitle: practiceSession.title,
			id: sql<string>`${win} ->> 'id'`,
			kind: sql<WinKind>`${win} ->> 'kind'`,
			text: sql<string>`${win} ->> 'text'`,
			recordedAt: sql<string>`${win} ->> 'recordedAt'`,
			accountId: sql<string | null>`${win} ->> 'accountId'`,
			recordedBy: sql<string | null>`${win} ->> 'recordedBy'`
		})
		.from(practiceSession)
		.innerJoin(sql`jsonb_array_elements(${practiceSession.state} -> 'wins') with ordinality as w(value, n)`, sql`true`)
		.where(and(eq(practiceSession.workspaceId, workspaceId), inArray(practiceSession.status, ['live', 'ended'])))
		// Wins recorded in the same millisecond keep the order they were recorded in.
		.orderBy(desc(sql`${win} ->> 'recordedAt'`), desc(sql`w.n`))
		.limit(limit);
	if (rows.length === 0) return [];
	const accountIds = [...new Set(rows.flatMap((r) => (r.accountId ? [r.accountId] : [])))];
	const userIds = [...new Set(rows.flatMap((r) => (r.recordedBy ? [r.recordedBy] : [])))];
	const [accounts, people] = await Promise.all([
		accountIds.length
			? db.select({ id: account.id, name: account.name }).from(account).where(and(eq(account.workspaceId, workspaceId), inArray(account.id, accountIds)))
			: Promise.resolve([]),
		userIds.length ? db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, userIds)) : Promise.resolve([])
	]);
	const accountNames = new Map(accounts.map((a) => [a.id, a.name]));
	const names = new Map(people.map((p) => [p.id, p.name]));
	return rows.map(({ recordedBy, ...r }) => ({
		...r,
		accountName: r.accountId ? (accountNames.get(r.accountId) ?? null) : null,
		recordedByName: recordedBy ? (names.get(recordedBy) ?? null) : null
	}));
}

export interface CalibrationAgreementPoint {
	sessionId: string;
	sessionTitle: string;
	endedAt: string;
	itemId: string;
	/** Krippendorff's alpha (interval) over the revealed leads; null when it could not be computed. */
	alpha: number | null;
	leads: number;
	ratings: number;
}

/**
 * Calibration agreement per ended session, oldest first: whether practice makes the team agree
 * more. Read from the state snapshots, which every session's end rewrites.
 */
export async function listCalibrationAgreement(db: Database, workspaceId: string): Promise<CalibrationAgreementPoint[]> {
	const c = sql`c.value`;
	const rows = await db
		.select({
			sessionId: practiceSession.id,
			sessionTitle: practiceSession.title,
			endedAt: practiceSession.endedAt,
			itemId: sql<string>`${c} ->> 'itemId'`,
			alpha: sql<number | null>`(${c} -> 'agreement' ->> 'alpha')::float8`,
			leads: sql<number>`(${c} -> 'agreement' ->> 'leads')::integer`.mapWith(Number),
			ratings: sql<number>`(${c} -> 'agreement' ->> 'ratings')::integer`.mapWith(Number)
		})
		.from(practiceSession)
		.innerJoin(sql`jsonb_array_elements(coalesce(${practiceSession.state} -> 'calibrations', '[]'::jsonb)) as c(value)`, sql`true`)
		.where(and(eq(practiceSession.workspaceId, workspaceId), eq(practiceSession.status, 'ended')))
		.orderBy(practiceSession.endedAt);
	return rows.map((r) => ({ ...r, alpha: r.alpha === null ? null : Number(r.alpha), endedAt: r.endedAt!.toISOString() }));
}
