import { describe, expect, it } from 'vitest';
import type { Department } from '../crm/vocabulary';
import { analyzeTags, type FiredSignal } from './analyzeTags';
import type { SignalRef } from './events';
import type { SessionTag } from './state';
import { ACCOUNTS, playScriptedSession } from './testSession';
import type { Polarity } from './vocabulary';

let n = 0;
function tag(department: Department, activityId: number, signal: SignalRef | string, polarity: Polarity = 'risk', accountId: string = ACCOUNTS.acme): SessionTag {
	n += 1;
	return {
		id: `t${n}`,
		activityId,
		accountId,
		signal: typeof signal === 'string' ? { kind: 'playbook', signalId: signal } : signal,
		polarity,
		interpretation: 'why',
		authorId: `u-${department}`,
		department,
		addedAt: '2026-03-04T10:00:00.000Z',
		editedAt: null
	};
}

const fired = (signalId: string, evidence: number[], accountId: string = ACCOUNTS.acme): FiredSignal => ({
	signalId,
	name: signalId.replace(/-/g, ' '),
	accountId,
	evidence
});

describe('analyzeTags', () => {
	it('counts tags per department, every department listed', () => {
		const { byDepartment } = analyzeTags([tag('sales', 1, 'a'), tag('sales', 2, 'a'), tag('support', 1, 'a')], []);
		expect(byDepartment).toEqual({ sales: 2, marketing: 0, success: 0, support: 1, product: 0, revops: 0 });
	});

	it('finds events tagged by several departments, not by several people of one', () => {
		const tags = [tag('sales', 1, 'a'), tag('sales', 2, 'a'), tag('sales', 2, 'b'), tag('support', 1, 'a'), tag('product', 1, 'a')];
		const { sharedEvents } = analyzeTags(tags, []);
		expect(sharedEvents).toEqual([
			{ activityId: 1, accountId: ACCOUNTS.acme, departments: ['sales', 'support', 'product'], tagIds: [tags[0].id, tags[3].id, tags[4].id] }
		]);
	});

	it('keeps events of different accounts apart even when ids collide', () => {
		const tags = [tag('sales', 1, 'a', 'risk', ACCOUNTS.acme), tag('support', 1, 'a', 'positive', ACCOUNTS.globex)];
		expect(analyzeTags(tags, [])).toMatchObject({ sharedEvents: [], disagreements: [] });
	});

	it('flags departments reading an event with different polarity or signals', () => {
		const tags = [
			tag('sales', 1, 'pricing', 'positive'),
			tag('support', 1, 'pricing', 'risk'),
			tag('sales', 2, 'pricing'),
			tag('success', 2, { kind: 'new', name: 'Shopping around' }),
			tag('sales', 3, 'x', 'positive'),
			tag('sales', 3, 'x', 'risk'),
			tag('marketing', 4, { kind: 'new', name: 'Quiet' }),
			tag('support', 4, { kind: 'new', name: ' quiet ' })
		];
		const { disagreements, sharedEvents } = analyzeTags(tags, []);
		expect(sharedEvents.map((e) => e.activityId)).toEqual([1, 2, 4]);
		expect(disagreements.map((d) => [d.activityId, d.polarity, d.signal])).toEqual([
			[1, true, false],
			[2, false, true]
		]);
		expect(disagreements[0].readings).toEqual([
			{ department: 'sales', polarities: ['positive'], signals: ['playbook:pricing'] },
			{ department: 'support', polarities: ['risk'], signals: ['playbook:pricing'] }
		]);
	});

	it('finds fired signals whose evidence nobody tagged with that signal', () => {
		const tags = [tag('sales', 10, 'pricing-page-repeat'), tag('support', 20, 'something-else'), tag('sales', 30, 'no-login')];
		const signals = [
			fired('pricing-page-repeat', [9, 10]),
			fired('ticket-spike', [20, 21]),
			fired('no-login', [30], ACCOUNTS.globex),
			fired('quiet-account', []),
			fired('no-login', [])
		];
		expect(analyzeTags(tags, signals).missedSignals.map((s) => [s.signalId, s.accountId])).toEqual([
			['ticket-spike', ACCOUNTS.acme],
			['no-login', ACCOUNTS.globex],
			['quiet-account', ACCOUNTS.acme]
		]);
	});

	it('gathers tags naming a new signal as one proposal candidate, whatever the case', () => {
		const tags = [
			tag('marketing', 1, { kind: 'new', name: 'Webinar then silence' }),
			tag('sales', 2, { kind: 'new', name: 'webinar  THEN silence' }),
			tag('sales', 2, 'pricing'),
			tag('support', 3, { kind: 'new', name: 'Angry tone' })
		];
		expect(analyzeTags(tags, []).newSignalCandidates).toEqual([
			{ name: 'Webinar then silence', tagIds: [tags[0].id, tags[1].id], activityIds: [1, 2], departments: ['sales', 'marketing'] },
			{ name: 'Angry tone', tagIds: [tags[3].id], activityIds: [3], departments: ['support'] }
		]);
	});

	it('reads a whole scripted session', () => {
		const { state } = playScriptedSession();
		const analysis = analyzeTags(state.tags, [fired('pricing-page-repeat', [501]), fired('champion-left', [999])]);
		expect(analysis.sharedEvents.map((e) => e.activityId)).toEqual([501, 503]);
		expect(analysis.disagreements.map((d) => d.activityId)).toEqual([501]);
		expect(analysis.missedSignals.map((s) => s.signalId)).toEqual(['champion-left']);
		expect(analysis.newSignalCandidates.map((c) => c.name)).toEqual(['Webinar then silence']);
	});
});
