import { describe, expect, it } from 'vitest';
import { defaultAgenda } from './agenda';
import { projectEventFor, projectStateFor } from './visibility';
import { ACCOUNTS, CAST, createTestSession, testPlan } from './testSession';

const ITEM = 'leads';

function calibrating() {
	const agenda = [
		...defaultAgenda(),
		{ id: ITEM, title: 'Rate this week’s leads', plannedMinutes: 20, exercise: 'lead-calibration' as const, accountIds: [ACCOUNTS.acme, ACCOUNTS.globex, ACCOUNTS.initech] }
	];
	const session = createTestSession(testPlan({ agenda }));
	session.must(CAST.fran, { type: 'session.start' });
	return session;
}
const rate = (accountId: string, score: number, reason?: string) => ({ type: 'calibration.rate', itemId: ITEM, accountId, score, reason });
const lead = (session: ReturnType<typeof calibrating>, accountId: string) =>
	session.state.calibrations.find((c) => c.itemId === ITEM)!.leads.find((l) => l.accountId === accountId)!;

describe('lead qualification calibration', () => {
	it('takes one rating per person and lead, the latest replacing theirs, with the rater’s department', () => {
		const s = calibrating();
		s.must(CAST.sam, rate(ACCOUNTS.acme, 70, 'Pricing visits'));
		s.tick(1000);
		s.must(CAST.sam, rate(ACCOUNTS.acme, 80, 'Pricing visits and a demo'));
		expect(lead(s, ACCOUNTS.acme).ratings).toEqual({
			[CAST.sam.userId]: { ratedAt: s.now.toISOString(), score: 80, reason: 'Pricing visits and a demo', department: 'sales' }
		});
		expect(s.send(CAST.sam, rate(ACCOUNTS.acme, 80, 'Pricing visits and a demo'))).toMatchObject({ ok: true, events: [] });
	});

	it('refuses leads the item does not calibrate, items that run no calibration, and scores out of range', () => {
		const s = calibrating();
		expect(s.send(CAST.sam, { ...rate(ACCOUNTS.acme, 50), itemId: 'journey' })).toMatchObject({ ok: false, refusal: 'That agenda item does not run a lead qualification calibration.' });
		expect(s.send(CAST.sam, rate('00000000-0000-4000-8000-000000000999', 50))).toMatchObject({ ok: false, refusal: 'That account is not one of the leads of this calibration.' });
		expect(s.send(CAST.sam, rate(ACCOUNTS.acme, 101))).toMatchObject({ ok: false, refusal: 'Rate the lead with a whole number from 0 to 100.' });
		expect(s.send(CAST.sam, rate(ACCOUNTS.acme, 55.5))).toMatchObject({ ok: false });
		expect(s.send(CAST.vic, rate(ACCOUNTS.acme, 50))).toMatchObject({ ok: false, refusal: expect.stringMatching(/Viewers/) });
	});

	it('lets only the facilitator reveal, reopen and record the consensus and criteria', () => {
		const s = calibrating();
		s.must(CAST.sam, rate(ACCOUNTS.acme, 70));
		for (const command of [
			{ type: 'calibration.reveal', itemId: ITEM },
			{ type: 'calibration.reopen', itemId: ITEM, accountId: ACCOUNTS.acme },
			{ type: 'calibration.consensus', itemId: ITEM, accountId: ACCOUNTS.acme, score: 60 },
			{ type: 'calibration.criteria', itemId: ITEM, text: 'Demo requests count most' }
		]) {
			expect(s.send(CAST.sam, command)).toMatchObject({ ok: false, refusal: 'Only the facilitator of this session can do that.' });
		}
	});

	it('reveals one lead with every rating, then closes it to new ratings until it is reopened', () => {
		const s = calibrating();
		s.must(CAST.sam, rate(ACCOUNTS.acme, 70, 'Pricing'));
		s.must(CAST.mark, rate(ACCOUNTS.acme, 40));
		s.must(CAST.sam, rate(ACCOUNTS.globex, 20));
		expect(s.send(CAST.fran, { type: 'calibration.reveal', itemId: ITEM, accountId: ACCOUNTS.initech })).toMatchObject({ ok: false, refusal: 'Nobody has rated yet; wait for at least one rating.' });
		s.must(CAST.fran, { type: 'calibration.reveal', itemId: ITEM, accountId: ACCOUNTS.acme });
		expect(s.events.at(-1)).toMatchObject({
			type: 'calibration.revealed',
			leads: [{ accountId: ACCOUNTS.acme, ratings: { [CAST.sam.userId]: { score: 70, reason: 'Pricing', department: 'sales' }, [CAST.mark.userId]: { score: 40, reason: null, department: 'marketing' } } }]
		});
		expect(lead(s, ACCOUNTS.acme).revealed).toBe(true);
		expect(lead(s, ACCOUNTS.globex).revealed).toBe(false);
		expect(s.send(CAST.sue, rate(ACCOUNTS.acme, 90))).toMatchObject({ ok: false, refusal: expect.stringMatching(/reopen/) });
		expect(s.send(CAST.fran, { type: 'calibration.reveal', itemId: ITEM, accountId: ACCOUNTS.acme })).toMatchObject({ ok: false, refusal: 'That lead is already revealed.' });
		// Reveal all: the rest that have ratings.
		s.must(CAST.fran, { type: 'calibration.reveal', itemId: ITEM });
		expect(lead(s, ACCOUNTS.globex).revealed).toBe(true);
		expect(s.send(CAST.fran, { type: 'calibration.reveal', itemId: ITEM })).toMatchObject({ ok: false });
	});

	it('keeps the agreement (interval alpha) of the revealed leads, and the earlier round of a reopened lead', () => {
		const s = calibrating();
		// Units (70, 40) and (20, 30): n = 4; Do = (2*900 + 2*100) / 4 = 500;
		// values 70,40,20,30: sum 160, squares 7800, De = 2*(4*7800 - 25600) / 12 = 933.33; alpha = 1 - 500/933.33
		s.must(CAST.sam, rate(ACCOUNTS.acme, 70));
		s.must(CAST.mark, rate(ACCOUNTS.acme, 40));
		s.must(CAST.sam, rate(ACCOUNTS.globex, 20));
		s.must(CAST.mark, rate(ACCOUNTS.globex, 30));
		s.must(CAST.fran, { type: 'calibration.reveal', itemId: ITEM });
		const calibration = s.state.calibrations[0];
		expect(calibration.agreement.leads).toBe(2);
		expect(calibration.agreement.ratings).toBe(4);
		expect(calibration.agreement.alpha!).toBeCloseTo(1 - 500 / (11200 / 12), 12);

		s.must(CAST.fran, { type: 'calibration.consensus', itemId: ITEM, accountId: ACCOUNTS.acme, score: 60 });
		expect(lead(s, ACCOUNTS.acme).consensus).toMatchObject({ score: 60, recordedBy: CAST.fran.userId });
		s.must(CAST.fran, { type: 'calibration.reopen', itemId: ITEM, accountId: ACCOUNTS.acme });
		const reopened = lead(s, ACCOUNTS.acme);
		expect(reopened).toMatchObject({ revealed: false, ratings: {}, consensus: null });
		expect(reopened.earlierRounds).toEqual([
			{ revealedAt: s.now.toISOString(), ratings: { [CAST.sam.userId]: { score: 70, reason: null, department: 'sales' }, [CAST.mark.userId]: { score: 40, reason: null, department: 'marketing' } } }
		]);
		expect(s.state.calibrations[0].agreement).toMatchObject({ leads: 1, ratings: 2 });
		expect(s.send(CAST.fran, { type: 'calibration.consensus', itemId: ITEM, accountId: ACCOUNTS.acme, score: 60 })).toMatchObject({ ok: false, refusal: expect.stringMatching(/Reveal/) });
		s.must(CAST.sam, rate(ACCOUNTS.acme, 55));
		s.must(CAST.fran, { type: 'calibration.criteria', itemId: ITEM, text: 'Demo requests count most' });
		expect(s.state.calibrations[0].criteria).toMatchObject({ text: 'Demo requests count most' });
	});

	it('shows a rating before its reveal to its rater only: others learn who rated, not what', () => {
		const s = calibrating();
		s.must(CAST.sam, rate(ACCOUNTS.acme, 70, 'SECRET reason'));
		const event = s.events.at(-1)!;
		expect(projectEventFor(event, { userId: CAST.sam.userId })).toBe(event);
		const sealed = projectEventFor(event, { userId: CAST.fran.userId });
		expect(sealed).toEqual({ seq: event.seq, at: event.at, actorId: CAST.sam.userId, commandId: event.commandId, type: 'calibration.ratingSealed', itemId: ITEM, accountId: ACCOUNTS.acme, userId: CAST.sam.userId });
		const forFran = projectStateFor(s.state, { userId: CAST.fran.userId });
		expect(JSON.stringify(forFran)).not.toContain('SECRET');
		expect(JSON.stringify(forFran)).not.toContain('70');
		expect(forFran.calibrations[0].leads[0].ratings[CAST.sam.userId]).toEqual({ ratedAt: event.at, score: null, reason: null, department: null });
		expect(projectStateFor(s.state, { userId: CAST.sam.userId }).calibrations[0].leads[0].ratings[CAST.sam.userId].score).toBe(70);
		s.must(CAST.fran, { type: 'calibration.reveal', itemId: ITEM });
		expect(projectStateFor(s.state, { userId: CAST.fran.userId })).toBe(s.state);
	});
});

describe('the calibration in the session summary', () => {
	it('shows the agreement, every vote with departments, the consensus and the criteria', async () => {
		const { renderSessionSummary } = await import('./summarizeSession');
		const s = calibrating();
		s.must(CAST.sam, rate(ACCOUNTS.acme, 70, 'Pricing *visits*'));
		s.must(CAST.mark, rate(ACCOUNTS.acme, 40));
		s.must(CAST.sam, rate(ACCOUNTS.globex, 20));
		s.must(CAST.mark, rate(ACCOUNTS.globex, 30));
		s.must(CAST.fran, { type: 'calibration.reveal', itemId: ITEM });
		s.must(CAST.fran, { type: 'calibration.reopen', itemId: ITEM, accountId: ACCOUNTS.globex });
		s.must(CAST.sam, rate(ACCOUNTS.globex, 25));
		s.must(CAST.fran, { type: 'calibration.reveal', itemId: ITEM });
		s.must(CAST.fran, { type: 'calibration.consensus', itemId: ITEM, accountId: ACCOUNTS.acme, score: 60 });
		s.must(CAST.fran, { type: 'calibration.criteria', itemId: ITEM, text: 'A demo request counts most' });
		s.must(CAST.sam, rate(ACCOUNTS.initech, 90, 'SEALED'));
		const md = renderSessionSummary(s.state, {
			title: 'Review',
			objective: 'Agree',
			participants: [
				{ id: CAST.sam.userId, name: 'Sam', department: 'sales' },
				{ id: CAST.mark.userId, name: 'Mark', department: 'marketing' }
			],
			accounts: [
				{ id: ACCOUNTS.acme, name: 'Acme' },
				{ id: ACCOUNTS.globex, name: 'Globex' },
				{ id: ACCOUNTS.initech, name: 'Initech' }
			],
			signalNames: {}
		});
		// Revealed now: Acme (70, 40) and Globex (25): only Acme is pairable. Do = 2*900/2 = 900, De = 2*(2*6500 - 12100)/2 = 900: alpha 0.
		expect(md).toContain("**Agreement between raters (Krippendorff's alpha, interval):** 0.00 over 1 lead and 2 ratings.");
		expect(md).toContain('**Agreed criteria:** A demo request counts most');
		expect(md).toContain('| Acme |   | Sam (Sales): 70 “Pricing \\*visits\\*”; Mark (Marketing): 40 | 60 |');
		expect(md).toContain('| Globex | vote 1 | Sam (Sales): 20; Mark (Marketing): 30 |   |');
		expect(md).toContain('| Globex | vote 2 | Sam (Sales): 25 |   |');
		expect(md).toContain('| Initech | not revealed | 1 rated, sealed |   |');
		expect(md).not.toContain('SEALED');
	});
});
