/**
 * Runs a compiled rule and gives its rows in one shape whatever the driver (PGlite returns bigints
 * and wraps rows; postgres.js returns bigint arrays as text).
 */
import type { Database } from '$lib/server/db/index';
import { queryRows } from '$lib/server/db/rows';
import type { Rule } from '$lib/domain/signals/rule';
import { compileRule, type CompileRuleOptions, type CompiledRuleRow } from './compileRule';

export interface RuleHit {
	accountId: string;
	firstFiredAt: Date;
	holdsNow: boolean;
	/** Activity ids, sorted by (occurred_at, id). */
	evidence: number[];
	lastStartedAt: Date;
	/** When it last stopped holding; null while it holds now. */
	lastEndedAt: Date | null;
	/** When the latest evidence activity happened; null without evidence. */
	evidenceAt: Date | null;
	/** Only with options.since: the first moment at or after it the rule held; null when it did not. */
	firstHeldSince?: Date | null;
}

function toDate(value: Date | string): Date {
	return value instanceof Date ? value : new Date(value);
}

function toIds(value: unknown): number[] {
	if (Array.isArray(value)) return value.map((v) => Number(v));
	if (typeof value === 'string') {
		const inner = value.replace(/^\{|\}$/g, '');
		return inner === '' ? [] : inner.split(',').map(Number);
	}
	return [];
}

/** The accounts the rule fires for as of options.now, sorted by account id. */
export async function runCompiledRule(db: Database, rule: Rule, options: CompileRuleOptions): Promise<RuleHit[]> {
	const rows = await queryRows<CompiledRuleRow>(db, compileRule(rule, options));
	return rows.map((row) => ({
		...(options.since ? { firstHeldSince: row.first_held_since === null ? null : toDate(row.first_held_since) } : {}),
		accountId: row.account_id,
		firstFiredAt: toDate(row.first_fired_at),
		holdsNow: row.holds_now,
		evidence: toIds(row.evidence),
		lastStartedAt: toDate(row.last_started_at),
		lastEndedAt: row.last_ended_at === null ? null : toDate(row.last_ended_at),
		evidenceAt: row.evidence_at === null ? null : toDate(row.evidence_at)
	}));
}
