/** The trends dashboard's figures: the weekly counts shaped by the current playbook's signals. */
import type { Database } from '../db/index';
import { getCurrentRevision } from '../playbook/revisions';
import { listSignals } from '$lib/domain/playbook/signalBlock';
import { listWeeks, shapeTrends, type TrendQuery, type TrendTable } from '$lib/domain/signals/trends';
import { countSignalHitsByWeek } from './signalTrends';

const WEEK_MS = 7 * 86_400_000;

/** The table for the query's view over its last `weeks` weeks up to now (this week included). */
export async function loadTrendTable(db: Database, workspaceId: string, query: TrendQuery, now = new Date()): Promise<TrendTable> {
	const weeks = listWeeks(now, query.weeks);
	const from = new Date(`${weeks[0]}T00:00:00Z`);
	const to = new Date(new Date(`${weeks[weeks.length - 1]}T00:00:00Z`).getTime() + WEEK_MS);
	const [current, rows] = await Promise.all([getCurrentRevision(db, workspaceId), countSignalHitsByWeek(db, workspaceId, { from, to, segment: query.segment })]);
	const signals = listSignals(current.document).signals.map((s) => ({ key: s.id, name: s.name, family: s.family }));
	return shapeTrends(rows, signals, query.view, weeks, query.family);
}
