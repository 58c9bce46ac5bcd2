import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getCurrentRevision } from '$lib/server/playbook/revisions';
import { backtestRuleText } from '$lib/server/signals/backtestRule';
import { readBacktestPeriod } from '$lib/domain/scoring/backtestPeriod';
import { listSignals } from '$lib/domain/playbook/signalBlock';

/**
 * "Try a rule": a GET form (rule, from, to) so a backtest is a link that can be shared and works
 * without JavaScript. ?signal=<id> starts from that playbook signal's rule.
 */
export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	const params = event.url.searchParams;
	const current = await getCurrentRevision(db, workspace.id);
	const signals = listSignals(current.document).signals.map((s) => ({ id: s.id, name: s.name, rule: s.rule }));
	const fromSignal = signals.find((s) => s.id === params.get('signal'));
	const rule = fromSignal?.rule ?? params.get('rule') ?? '';
	const read = readBacktestPeriod(params.get('from'), params.get('to'), new Date());
	const base = { rule, from: read.from, to: read.to, signals: signals.map(({ id, name }) => ({ id, name })), signal: fromSignal?.id ?? null };
	if (!read.ok) return { ...base, periodError: read.message, outcome: null };
	if (!rule.trim()) return { ...base, periodError: null, outcome: null };
	return { ...base, periodError: null, outcome: await backtestRuleText(db, workspace.id, rule, read.period) };
};
