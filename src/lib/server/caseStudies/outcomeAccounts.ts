/** Accounts that churned or upgraded, with their outcome date: the first such activity. */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { OUTCOMES, type OutcomeKind } from '../../domain/caseStudies/outcomes';

export interface OutcomeAccount {
	id: string;
	name: string;
	outcomeAt: Date;
	/** What the outcome activity said: the churn reason, or the plans before and after. */
	detail: string | null;
}

interface Row {
	id: string;
	name: string;
	outcome_at: Date | string;
	properties: Record<string, unknown> | string | null;
}

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

function detailOf(kind: OutcomeKind, raw: Row['properties']): string | null {
	const p = (typeof raw === 'string' ? JSON.parse(raw) : raw) ?? {};
	if (kind === 'churn') return typeof p.reason === 'string' && p.reason ? p.reason : null;
	const from = typeof p.from === 'string' ? p.from : null;
	const to = typeof p.to === 'string' ? p.to : null;
	return from || to ? `${from ?? '?'} → ${to ?? '?'}` : null;
}

/**
 * The accounts with the outcome, most recent first (suggested picks), or only `accountIds` when
 * given. Each account's outcome is its first churn or upgrade.
 */
export async function listOutcomeAccounts(
	db: Database,
	workspaceId: string,
	kind: OutcomeKind,
	options: { limit?: number; accountIds?: readonly string[] } = {}
): Promise<OutcomeAccount[]> {
	const type = OUTCOMES[kind].activity;
	const only = options.accountIds;
	if (only && only.length === 0) return [];
	const rows = await queryRows<Row>(
		db,
		sql`
		select a.id, a.name, o.occurred_at as outcome_at, o.properties
		from account a
		join lateral (
			select x.occurred_at, x.properties from activity x
			where x.workspace_id = ${workspaceId} and x.account_id = a.id and x.type = ${type}
			order by x.occurred_at, x.id limit 1
		) o on true
		where a.workspace_id = ${workspaceId}
		${only ? sql`and a.id in (${sql.join(only.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}
		order by o.occurred_at desc, a.name
		limit ${options.limit ?? 50}`
	);
	return rows.map((r) => ({ id: r.id, name: r.name, outcomeAt: toDate(r.outcome_at), detail: detailOf(kind, r.properties) }));
}
