import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listOutcomeAccounts } from '$lib/server/caseStudies/outcomeAccounts';
import { loadAlignedTimelines, MAX_CASE_ACCOUNTS } from '$lib/server/caseStudies/alignedTimelines';
import { DEFAULT_LOOKBACK_DAYS, LOOKBACK_CHOICES, measureCandidateTrigger } from '$lib/server/caseStudies/measureCandidateTrigger';
import { proposeTrigger } from '$lib/server/caseStudies/proposeTrigger';
import { getSession } from '$lib/server/sessions/sessions';
import { getCurrentRevision } from '$lib/server/playbook/revisions';
import { listSignals } from '$lib/domain/playbook/signalBlock';
import { isOutcomeKind, OUTCOMES, type OutcomeKind } from '$lib/domain/caseStudies/outcomes';
import { readPickedAccounts, triggerProposalSchema } from '$lib/domain/caseStudies/caseInputs';
import { countTaggedSignals } from '$lib/domain/caseStudies/taggedSignals';
import { readForm } from '$lib/domain/forms/readForm';
import { isUuid } from '$lib/domain/forms/isUuid';
import { can } from '$lib/domain/auth/permissions';
import { projectStateFor } from '$lib/domain/session';

/**
 * Rules worth trying beside the playbook's own signals of the family, named for what they test
 * (so they read apart from the playbook's signals of the same idea).
 */
const STARTER_RULES: Record<OutcomeKind, { name: string; rule: string }[]> = {
	churn: [
		{ name: 'No login for 3 weeks (customers)', rule: 'lifecycle = customer and no(product_login) for 21d' },
		{ name: '2+ unhappy tickets in 30 days', rule: 'count(ticket_opened where sentiment in [negative, frustrated, angry]) >= 2 within 30d' }
	],
	upgrade: [
		{ name: 'A ticket about SSO or enterprise in 90 days', rule: 'count(ticket_opened where subject ~ "sso") >= 1 within 90d or count(ticket_opened where subject ~ "enterprise") >= 1 within 90d' },
		{ name: '10+ feature uses in 14 days', rule: 'count(feature_used) >= 10 within 14d' }
	]
};

/** One of the offered lookback windows; the default for anything else. */
function lookbackOf(value: string | null | undefined): number {
	const n = Number(value);
	return (LOOKBACK_CHOICES as readonly number[]).includes(n) ? n : DEFAULT_LOOKBACK_DAYS;
}

function kindOf(value: string): OutcomeKind {
	if (!isOutcomeKind(value)) error(404, { message: 'There are two case studies: churn and upgrade.' });
	return value;
}

export const load: PageServerLoad = async (event) => {
	const { db, workspace, member, userId } = await requireWorkspace(event);
	const kind = kindOf(event.params.kind);
	const params = event.url.searchParams;
	const picked = readPickedAccounts(params, MAX_CASE_ACCOUNTS);
	const ruleText = (params.get('pick') || params.get('rule') || '').slice(0, 4000);
	const lookbackDays = lookbackOf(params.get('lookback'));
	const sessionParam = params.get('session');
	const session = isUuid(sessionParam) ? await getSession(db, workspace.id, sessionParam) : null;
	const [suggested, timelines, measurement, revision] = await Promise.all([
		listOutcomeAccounts(db, workspace.id, kind, { limit: 30 }),
		picked.length ? loadAlignedTimelines(db, workspace.id, kind, picked) : Promise.resolve(null),
		ruleText.trim() ? measureCandidateTrigger(db, workspace.id, kind, ruleText, { lookbackDays }) : Promise.resolve(null),
		getCurrentRevision(db, workspace.id)
	]);
	const signals = listSignals(revision.document).signals.filter((s) => s.status !== 'retired');
	const family = OUTCOMES[kind].family;
	const squash = (rule: string) => rule.replace(/#.*$/gm, '').replace(/\s+/g, ' ').trim().toLowerCase();
	const candidates = {
		playbook: signals.filter((s) => s.family === family).map((s) => ({ name: s.name, rule: s.rule })),
		other: STARTER_RULES[kind].filter((r) => !signals.some((s) => squash(s.rule) === squash(r.rule)))
	};
	const alreadyInPlaybook = measurement?.ok ? (signals.find((s) => squash(s.rule) === squash(measurement.rule))?.name ?? null) : null;
	let tagged = null;
	if (session && timelines) {
		const state = projectStateFor(session.state, { userId });
		const nameOf = (ref: (typeof state.tags)[number]['signal']) =>
			ref.kind === 'new' ? ref.name : (signals.find((s) => s.id === ref.signalId)?.name ?? ref.signalId);
		tagged = countTaggedSignals(
			state.tags.map((t) => ({ accountId: t.accountId, activityId: t.activityId, signal: nameOf(t.signal) })),
			new Map(timelines.columns.map((c) => [c.account.id, new Set(c.events.map((e) => e.id))]))
		);
	}
	return {
		kind,
		outcome: OUTCOMES[kind],
		suggested: suggested.map((a) => ({ ...a, outcomeAt: a.outcomeAt.toISOString() })),
		picked,
		maxAccounts: MAX_CASE_ACCOUNTS,
		timelines,
		ruleText,
		lookbackDays,
		lookbackChoices: LOOKBACK_CHOICES,
		measurement,
		candidates,
		/** A rule of this study's kind, shown as the example under the rule box. */
		ruleExample: STARTER_RULES[kind][0].rule,
		/** The playbook signal that already runs the measured rule, if one does. */
		alreadyInPlaybook,
		session: session ? { id: session.id, title: session.title } : null,
		tagged,
		mayPropose: can(member.role, 'playbook.propose')
	};
};

export const actions: Actions = {
	propose: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event, 'playbook.propose');
		const kind = kindOf(event.params.kind);
		const data = await event.request.formData();
		const lookbackDays = lookbackOf(data.get('lookback')?.toString());
		data.delete('lookback');
		const form = readForm(triggerProposalSchema, data);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values, problems: [] as string[] });
		const { rule, name, means, action, accounts, session } = form.data;
		const accountIds = readPickedAccounts(new URLSearchParams({ accounts }), MAX_CASE_ACCOUNTS);
		const sessionId = session && (await getSession(db, workspace.id, session)) ? session : null;
		const result = await proposeTrigger(db, workspace.id, { kind, rule, name, means, action, accountIds, authorId: userId, sessionId, lookbackDays });
		if (!result.ok) return fail(400, { errors: {} as Record<string, string>, values: { rule, name, means, action } as Record<string, string>, problems: result.problems });
		redirect(303, `/w/${workspace.slug}/playbook/proposals/${result.number}`);
	}
};
