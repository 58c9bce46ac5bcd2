import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { deal, signalHit } from '../db/schema';
import { createSession, getSession } from './sessions';
import { forgetSessionState } from './sessionState';
import { practiceSession } from '../db/schema';
import { eq, sql } from 'drizzle-orm';
import { applySessionCommand } from './applySessionCommand';
import { loadCalibrationLeads, loadScoringSignals } from './calibrationLeads';
import { loadClosedDealFeatures } from './closedDealSignals';
import { listCalibrationAgreement } from './sessionOutcomes';
import { proposeCalibrationWeights, reviewCalibrationWeights } from './calibrationProposal';
import { getCurrentRevision } from '../playbook/revisions';
import { getProposal } from '../playbook/proposals';
import { listSignals } from '../../domain/playbook/signalBlock';
import { defaultAgenda, sessionPlanSchema, type SessionActor } from '../../domain/session';

const NOW = new Date('2026-03-04T11:00:00Z');
const DAY = 86_400_000;

describe.each(testDatabases())('a lead qualification calibration on $name', ({ open }) => {
	let store: OpenDatabase;
	let ws: { id: string };
	let other: { id: string };
	let sessionId: string;
	const leads: Record<string, string> = {};
	const cast: Record<string, SessionActor> = {};

	beforeAll(async () => {
		store = await open();
		ws = await makeWorkspace(store.db);
		other = await makeWorkspace(store.db);
		await getCurrentRevision(store.db, ws.id); // the starter playbook: pricing-page-repeat 15, webinar-then-demo-click 25
		for (const [key, role, department] of [
			['fran', 'facilitator', 'success'],
			['sam', 'member', 'sales'],
			['mia', 'member', 'marketing']
		] as const) {
			const u = await makeUser(store.db, { workspaceId: ws.id, role, department, name: key });
			cast[key] = { userId: u.id, role, department };
		}
		for (const name of ['Acme', 'Globex', 'Initech']) leads[name] = (await makeAccount(store.db, ws.id, { name })).id;
		leads.Foreign = (await makeAccount(store.db, other.id, { name: 'Foreign' })).id;
		const hit = (accountId: string, signalKey: string) => ({
			workspaceId: ws.id,
			accountId,
			signalKey,
			firstFiredAt: new Date(NOW.getTime() - 10 * DAY),
			lastFiredAt: NOW,
			evidenceAt: NOW,
			revision: 1
		});
		await store.db.insert(signalHit).values([hit(leads.Acme, 'pricing-page-repeat'), hit(leads.Acme, 'webinar-then-demo-click'), hit(leads.Globex, 'pricing-page-repeat')]);
		const closed = (accountId: string, outcome: 'won' | 'lost') => ({
			workspaceId: ws.id,
			accountId,
			name: `${outcome} deal`,
			stage: outcome === 'won' ? ('closed_won' as const) : ('closed_lost' as const),
			outcome,
			openedOn: '2026-01-01',
			closeOn: '2026-03-01'
		});
		// At the deals' close (2026-03-01) Acme had a pricing binge that day and a webinar then a demo
		// click; Globex's binge was a month earlier, so nothing held on it at its close.
		await makeActivities(store.db, ws.id, leads.Acme, [
			{ type: 'webinar_attended', at: '2026-02-27T15:00:00Z' },
			{ type: 'email_clicked', at: '2026-02-28T09:00:00Z', properties: { campaign: 'demo invite' } },
			...['09:00', '10:00', '11:00'].map((t) => ({ type: 'pricing_visit' as const, at: `2026-03-01T${t}:00Z` }))
		]);
		await makeActivities(store.db, ws.id, leads.Globex, ['09:00', '10:00', '11:00'].map((t) => ({ type: 'pricing_visit' as const, at: `2026-02-01T${t}:00Z` })));
		await store.db.insert(deal).values([closed(leads.Acme, 'won'), closed(leads.Globex, 'lost'), closed(leads.Initech, 'lost')]);
		const agenda = [{ id: 'leads', title: 'Rate the new leads', plannedMinutes: 20, exercise: 'lead-calibration', accountIds: [leads.Acme, leads.Globex, leads.Initech] }, ...defaultAgenda()];
		const plan = sessionPlanSchema.parse({ title: 'Lead calibration', objective: 'Agree on qualified', scheduledAt: '2026-03-04T10:00:00Z', participantIds: [cast.sam.userId, cast.mia.userId], agenda });
		sessionId = await createSession(store.db, ws.id, { plan, facilitatorId: cast.fran.userId, createdBy: cast.fran.userId });
	});
	afterAll(() => store.close());

	const send = (actor: SessionActor, command: Record<string, unknown>, workspaceId = ws.id) =>
		applySessionCommand(store.db, workspaceId, sessionId, actor, { commandId: randomUUID(), ...command }, NOW);
	const rate = (accountId: string, score: number, reason?: string) => ({ type: 'calibration.rate', itemId: 'leads', accountId, score, reason });

	it('shows each lead’s CRM behaviour, firing signals and current model score', async () => {
		const info = await loadCalibrationLeads(store.db, ws.id, [leads.Acme, leads.Globex, leads.Foreign], NOW);
		expect(info.map((l) => [l.name, l.modelScore])).toEqual([['Acme', 40], ['Globex', 15]]); // Foreign is another workspace's
		expect(info[0].firing.map((f) => f.signalId).sort()).toEqual(['pricing-page-repeat', 'webinar-then-demo-click']);
	});

	it('records ratings, reveals, consensus and criteria, and keeps the agreement in the session', async () => {
		expect(await send(cast.fran, { type: 'session.start' })).toMatchObject({ ok: true });
		expect(await send(cast.sam, rate(leads.Foreign, 50))).toMatchObject({ ok: false });
		expect(await send(cast.sam, rate(leads.Acme, 50), other.id)).toMatchObject({ ok: false, refusal: 'This session does not exist in your workspace.' });
		for (const [who, scores] of [['sam', [90, 20, 10]], ['mia', [70, 40, 0]]] as const) {
			for (const [i, name] of ['Acme', 'Globex', 'Initech'].entries()) expect(await send(cast[who], rate(leads[name], scores[i], `${who} on ${name}`))).toMatchObject({ ok: true });
		}
		expect(await send(cast.sam, { type: 'calibration.reveal', itemId: 'leads' })).toMatchObject({ ok: false, refusal: 'Only the facilitator of this session can do that.' });
		expect(await send(cast.fran, { type: 'calibration.reveal', itemId: 'leads' })).toMatchObject({ ok: true });
		for (const [name, score] of [['Acme', 85], ['Globex', 30], ['Initech', 5]] as const) {
			expect(await send(cast.fran, { type: 'calibration.consensus', itemId: 'leads', accountId: leads[name], score })).toMatchObject({ ok: true });
		}
		expect(await send(cast.fran, { type: 'calibration.criteria', itemId: 'leads', text: 'A webinar followed by a demo click is a qualified lead' })).toMatchObject({ ok: true });
		const { state } = (await getSession(store.db, ws.id, sessionId))!;
		// Units (90,70), (20,40), (10,0): Do = (800 + 800 + 200) / 6 = 300;
		// sum 230, squares 15100: De = 2 * (6*15100 - 230^2) / 30 = 2513.33; alpha = 1 - 300/2513.33.
		expect(state.calibrations[0].agreement.alpha!).toBeCloseTo(1 - 300 / (75400 / 30), 12);
		expect(state.calibrations[0].leads.map((l) => l.consensus?.score)).toEqual([85, 30, 5]);
	});

	it('fits weights to the consensus and checks them on past deals, only for this workspace', async () => {
		expect(await reviewCalibrationWeights(store.db, other.id, sessionId, 'leads', cast.fran.userId, NOW)).toBeNull();
		expect(await reviewCalibrationWeights(store.db, ws.id, sessionId, 'journey', cast.fran.userId, NOW)).toBeNull();
		const review = (await reviewCalibrationWeights(store.db, ws.id, sessionId, 'leads', cast.fran.userId, NOW))!;
		expect(review.fitted).toBe(3);
		// Before: Acme 40 (off 45), Globex 15 (off 15), Initech 0 (off 5): MAE 65/3.
		expect(review.proposal.maeBefore).toBeCloseTo(65 / 3, 12);
		expect(review.proposal.maeAfter!).toBeLessThan(review.proposal.maeBefore!);
		const pricing = review.proposal.weights.find((w) => w.signalId === 'pricing-page-repeat')!;
		expect(pricing).toMatchObject({ weight: 15, firingLeads: 2 });
		expect(pricing.after).toBeGreaterThan(15);
		// At their close Acme (won) had both signals holding, Globex and Initech (lost) none: old weights rank them perfectly.
		expect(review.history).toMatchObject({ won: 1, lost: 2, aucBefore: 1 });
		const history = await loadClosedDealFeatures(store.db, ws.id, await loadScoringSignals(store.db, ws.id));
		const won = history.find((d) => d.won)!;
		expect(Object.keys(won.features).sort()).toEqual(['pricing-page-repeat', 'webinar-then-demo-click']);
		// The binge's third visit came 12h59m before the end of the close day; its weight halves every 14 days.
		expect(won.features['pricing-page-repeat']).toBeCloseTo(Math.pow(0.5, (12 * 60 + 59.99998) / (14 * 24 * 60)), 6);
		expect(history.filter((d) => !d.won).map((d) => d.features)).toEqual([{}, {}]);
	});

	it('opens a playbook proposal with the new weights in the signal blocks, the criteria and the ratings', async () => {
		const number = (await proposeCalibrationWeights(store.db, ws.id, sessionId, 'leads', cast.fran.userId, NOW))!;
		const proposal = (await getProposal(store.db, ws.id, number))!;
		const review = (await reviewCalibrationWeights(store.db, ws.id, sessionId, 'leads', cast.fran.userId, NOW))!;
		const weights = Object.fromEntries(listSignals(proposal.document).signals.map((s) => [s.id, s.weight]));
		for (const w of review.proposal.weights) expect(weights[w.signalId], w.signalId).toBe(w.after);
		const text = proposal.document.sections.at(-1)!.body;
		expect(text).toContain('A webinar followed by a demo click is a qualified lead');
		expect(text).toContain('mia (Marketing): 70 “mia on Acme”');
		expect(proposal).toMatchObject({ sessionId });
		expect(await getProposal(store.db, other.id, number)).toBeNull();
	});

	it('keeps each ended session’s agreement where a dashboard can follow it over time', async () => {
		expect(await listCalibrationAgreement(store.db, ws.id)).toEqual([]);
		expect(await send(cast.fran, { type: 'session.end' })).toMatchObject({ ok: true });
		const points = await listCalibrationAgreement(store.db, ws.id);
		expect(points).toEqual([{ sessionId, sessionTitle: 'Lead calibration', endedAt: NOW.toISOString(), itemId: 'leads', alpha: expect.any(Number), leads: 3, ratings: 6 }]);
		expect(points[0].alpha!).toBeCloseTo(1 - 300 / (75400 / 30), 9);
		expect(await listCalibrationAgreement(store.db, other.id)).toEqual([]);
	});

	it('reads a state stored before calibrations existed as one without any', async () => {
		const plan = sessionPlanSchema.parse({ title: 'Older session', objective: 'Old', scheduledAt: '2026-03-04T10:00:00Z', participantIds: [] });
		const older = await createSession(store.db, ws.id, { plan, facilitatorId: cast.fran.userId, createdBy: cast.fran.userId });
		await store.db.update(practiceSession).set({ state: sql`${practiceSession.state} - 'calibrations'` }).where(eq(practiceSession.id, older));
		const [raw] = await store.db.select({ has: sql<boolean>`jsonb_exists(${practiceSession.state}, 'calibrations')` }).from(practiceSession).where(eq(practiceSession.id, older));
		expect(raw.has).toBe(false);
		forgetSessionState(older);
		const { state } = (await getSession(store.db, ws.id, older))!;
		expect(state.calibrations).toEqual([]);
	});
});
