import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/index';
import { account, activity, contact } from '../db/schema';
import { getCurrentRevision } from './revisions';
import { listSignals, type ListedSignal } from '../../domain/playbook/signalBlock';
import { describeRule, evaluateRule, parseRule, type RuleEvaluation } from '../../domain/signals';
import { listRuleEventTypes } from '../../domain/signals/ruleEventTypes';

export interface AccountSignal {
	id: string;
	name: string;
	family: ListedSignal['family'];
	status: ListedSignal['status'];
	sectionSlug: string;
	words: string;
	evaluation: RuleEvaluation;
}

/**
 * Runs the current playbook's signals over one account's whole timeline, in memory (the same
 * evaluator a session uses), and returns those that fired with their evidence.
 */
export async function evaluateAccountSignals(
	db: Database,
	workspaceId: string,
	accountId: string,
	options: { statuses?: ListedSignal['status'][]; now?: Date } = {}
): Promise<AccountSignal[]> {
	const statuses = options.statuses ?? ['stable'];
	const now = options.now ?? new Date();
	const revision = await getCurrentRevision(db, workspaceId);
	const signals = listSignals(revision.document).signals.filter((s) => statuses.includes(s.status));
	if (signals.length === 0) return [];
	const [facts] = await db
		.select({ lifecycle: account.lifecycle, plan: account.plan, arr: account.arr, industry: account.industry, size: account.size })
		.from(account)
		.where(and(eq(account.workspaceId, workspaceId), eq(account.id, accountId)));
	if (!facts) return [];
	const rules = signals.map((signal) => ({ signal, parsed: parseRule(signal.rule) }));
	// Load only the activity types the rules read, plus the account's first activity, which marks
	// where its history starts (absence rules count from there).
	const types = [...new Set(rules.flatMap((p) => (p.parsed.ok ? [...listRuleEventTypes(p.parsed.rule)] : [])))];
	const columns = {
		id: activity.id,
		type: activity.type,
		occurredAt: activity.occurredAt,
		contactId: activity.contactId,
		department: activity.department,
		properties: activity.properties
	};
	const ofAccount = and(eq(activity.workspaceId, workspaceId), eq(activity.accountId, accountId));
	const [contacts, matching, first] = await Promise.all([
		db
			.select({ id: contact.id, lifecycle: contact.lifecycle, title: contact.title })
			.from(contact)
			.where(and(eq(contact.workspaceId, workspaceId), eq(contact.accountId, accountId))),
		types.length ? db.select(columns).from(activity).where(and(ofAccount, inArray(activity.type, types))) : Promise.resolve([]),
		db.select(columns).from(activity).where(ofAccount).orderBy(asc(activity.occurredAt)).limit(1)
	]);
	const activities = first.length && !matching.some((a) => a.id === first[0].id) ? [...matching, first[0]] : matching;
	const timeline = { account: facts, contacts, activities };
	const fired: AccountSignal[] = [];
	for (const { signal, parsed } of rules) {
		if (!parsed.ok) continue; // checkPlaybook keeps broken rules out of stable signals
		const evaluation = evaluateRule(parsed.rule, timeline, now);
		if (!evaluation.fires) continue;
		fired.push({
			id: signal.id,
			name: signal.name,
			family: signal.family,
			status: signal.status,
			sectionSlug: signal.sectionSlug,
			words: describeRule(parsed.rule),
			evaluation
		});
	}
	return fired;
}
