import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from './markdown';
import { renderSessionSummary, type SummaryContext } from './summarizeSession';
import { ACCOUNTS, CAST, createTestSession, playScriptedSession, testPlan } from './testSession';
import { projectStateFor } from './visibility';

const marked = new Marked({ gfm: true });
const html = (markdown: string) => marked.parse(markdown, { async: false }) as string;
const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const context: SummaryContext = {
	title: 'Churn signals in onboarding',
	objective: 'Spot churn signals early',
	participants: [
		{ id: CAST.fran.userId, name: 'Fran Facilitator', department: 'success' },
		{ id: CAST.sam.userId, name: 'Sam Sales', department: 'sales' },
		{ id: CAST.sue.userId, name: 'Sue Support', department: 'support' },
		{ id: CAST.mark.userId, name: 'Mark Marketing', department: 'marketing' }
	],
	accounts: [
		{ id: ACCOUNTS.acme, name: 'Acme' },
		{ id: ACCOUNTS.globex, name: 'Globex' },
		{ id: ACCOUNTS.initech, name: 'Initech' }
	],
	signalNames: { 'pricing-page-repeat': 'Pricing page, again and again', 'ticket-spike': 'Ticket spike' },
	firedSignals: [
		{ signalId: 'ticket-spike', name: 'Ticket spike', accountId: ACCOUNTS.acme, evidence: [503] },
		{ signalId: 'champion-left', name: 'Champion left', accountId: ACCOUNTS.acme, evidence: [504, 505] }
	]
};

describe('renderSessionSummary', () => {
	const markdown = renderSessionSummary(playScriptedSession().state, context);

	it('has every section, in order', () => {
		const headings = [...markdown.matchAll(/^(#+) (.*)$/gm)].map((m) => `${m[1]} ${m[2]}`);
		expect(headings).toEqual([
			'# Churn signals in onboarding',
			'## Participants',
			'## Agenda',
			'## Accounts reviewed',
			'## Tags by department',
			'## Disagreements',
			'## Missed signals',
			'## New signal candidates',
			'## Signal spotting',
			'### Round 1: What each team saw, and what we missed',
			'### Round 2: Wins, losses, churn and renewals in one segment',
			'## Insights',
			'## Action items',
			'## Playbook changes agreed',
			'## Wins'
		]);
		expect(markdown).toContain('**Objective:** Spot churn signals early');
		expect(markdown).toContain('**When:** 2026-03-04 10:00 UTC to 2026-03-04 10:58 UTC. **Facilitator:** Fran Facilitator. **Took part:** 4.');
	});

	it('shows planned against used minutes, with extensions and overruns', () => {
		expect(markdown).toContain('| 1 | Why we are here: the objective |   | 5 | 6 (1 over) |');
		expect(markdown).toContain('| 2 | Walk a customer journey together | Timeline walkthrough | 20 | 22 (2 over) |');
		expect(markdown).toContain('| 3 | What each team saw, and what we missed |   | 20 (+5) | 10 |');
		expect(markdown).toContain('| 4 | Wins, losses, churn and renewals in one segment |   | 15 | 10 |');
	});

	it('lists who took part with their department, and invitees who never joined apart', () => {
		const session = createTestSession(testPlan({ participantIds: [CAST.sam.userId, CAST.sue.userId, CAST.mark.userId] }));
		session.must(CAST.fran, { type: 'session.start' });
		session.must(CAST.sam, { type: 'participant.join' });
		session.must(CAST.sam, { type: 'participant.join' });
		session.must(CAST.sue, { type: 'insight.add', text: 'Tickets come first' });
		const text = renderSessionSummary(session.state, context);
		expect(text).toContain('**Took part:** 3.');
		expect(text).toContain('## Participants\n\n- Fran Facilitator (Customer success)\n- Sam Sales (Sales)\n- Sue Support (Support)\n\nInvited but did not join: Mark Marketing.');
	});

	it('shows every spotting round with its accounts and both answers side by side', () => {
		expect(markdown).toContain('| Sam Sales (Sales) | Globex | event 91827361: SAM-SECRET: demo booked | event 91827362: SAM-SECRET: champion left |');
		expect(markdown).toContain('| Sue Support (Support) | Initech | event 73645501: SUE-SECRET: demo booked |');
		expect(markdown).toContain('| Sam Sales (Sales) | Initech | event 55510001: SAM-ROUND-TWO: demo booked |');
		expect(markdown).toContain('| Mark Marketing (Marketing) | Acme | event 66620001: MARK-ROUND-TWO: demo booked |');
		expect(markdown).not.toContain('Not revealed');
	});

	it('keeps an unrevealed round’s answers to their authors in the summary of each viewer', () => {
		const state = playScriptedSession({ reveal: 1 }).state;
		const forSue = renderSessionSummary(projectStateFor(state, CAST.sue), context);
		expect(forSue).toContain('SAM-SECRET');
		expect(forSue).not.toContain('SAM-ROUND-TWO');
		expect(forSue).not.toContain('MARK-ROUND-TWO');
		expect(forSue).toContain('### Round 2: Wins, losses, churn and renewals in one segment\n\n_Not revealed before the session ended');
		expect(forSue).toContain('| Mark Marketing (Marketing) | Acme | answered, not revealed | answered, not revealed |');
		expect(renderSessionSummary(projectStateFor(state, CAST.mark), context)).toContain('MARK-ROUND-TWO: demo booked');
	});

	it('names events by what happened when the loader knows them', () => {
		const labelled = renderSessionSummary(playScriptedSession().state, { ...context, eventLabels: { 501: 'Mar 1, 2026 · Pricing page visit', 504: 'Feb 2, 2026 · Ticket opened: SSO?' } });
		expect(labelled).toContain('- Acme, Mar 1, 2026 · Pricing page visit: Sales: positive');
		expect(labelled).toContain('(evidence: Feb 2, 2026 · Ticket opened: SSO?; event 505)');
	});

	it('lists accounts, tags, disagreements, missed signals and outcomes', () => {
		expect(markdown).toContain('- Acme\n- Globex\n- Initech');
		expect(markdown).toContain('| Sales | 1 |');
		expect(markdown).toContain('| All | 5 |');
		expect(markdown).toContain(
			'- Acme, event 501: Sales: positive (Pricing page, again and again); Support: risk (Pricing page, again and again)'
		);
		expect(markdown).toContain('- Champion left on Acme (evidence: event 504; event 505)');
		expect(markdown).not.toContain('- Ticket spike on');
		expect(markdown).toContain('- “Webinar then silence”: 1 tag by Marketing');
		expect(markdown).toContain('- Support sees churn weeks before success does (Mark Marketing)');
		expect(markdown).toContain('| Check in with Acme about the pricing visits | Sue Support | 2026-03-11 | Acme |');
		expect(markdown).toContain('- Notify success when ticket-spike fires (signal: Ticket spike); evidence: 2 tagged events');
		expect(markdown).toContain('- **Saved account**, Acme: The check-in saved the renewal (Sue Support)');
	});

	it('says None for empty sections and describes a planned session', () => {
		const planned = renderSessionSummary(createTestSession().state, { ...context, firedSignals: undefined });
		expect(planned).toContain('**When:** Planned for 2026-03-04 10:00 UTC.');
		expect(planned).toContain('## Insights\n\n_None._');
		expect(planned).toContain('## Action items\n\n_None._');
		expect(planned).not.toContain('## New signal candidates');
		expect(planned).toContain('## Missed signals\n\n_Not checked: no fired signals were given._');
	});

	it('counts a running clock up to `now` for a live session', () => {
		const live = playScriptedSession({ end: false });
		const text = renderSessionSummary(live.state, { ...context, now: new Date(live.now.getTime() + 15 * 60_000) });
		expect(text).toContain('to now (still live)');
		expect(text).toContain('| 5 | Insights, follow-ups and playbook changes |   | 20 | 25 (5 over) |');
	});
});

describe('renderSessionSummary with hostile text', () => {
	const hostile = {
		title: '# Pwned <img src=x onerror=alert(1)> [click](javascript:alert(1)) | *bold* ~~gone~~ #',
		objective: '</p><script>alert(1)</script>\n\n## Injected heading',
		name: '`code` _em_ ![img](http://x/y.png) &copy;',
		account: 'Acme | Corp\n| forged | row |',
		insight: '- fake item\n- another\n\n```\ncode block\n```',
		action: '> quoted\n1. numbered',
		win: '1) numbered too \\',
		signal: '<b>bold</b> [x]: http://evil'
	};

	function render(): string {
		const session = playScriptedSession({ end: false });
		session.must(CAST.sam, { type: 'insight.add', text: hostile.insight.slice(0, 1000) });
		session.must(CAST.sam, { type: 'actionItem.add', title: hostile.action, ownerId: CAST.sam.userId, dueOn: '2026-03-20' });
		session.must(CAST.sam, { type: 'win.record', kind: 'other', text: hostile.win });
		session.must(CAST.mark, {
			type: 'tag.add',
			activityId: 777,
			accountId: ACCOUNTS.acme,
			signal: { kind: 'new', name: hostile.signal },
			polarity: 'risk',
			interpretation: 'x'
		});
		return renderSessionSummary(session.state, {
			...context,
			title: hostile.title,
			objective: hostile.objective,
			participants: context.participants.map((p) => (p.id === CAST.sam.userId ? { ...p, name: hostile.name } : p)),
			accounts: context.accounts.map((a) => (a.id === ACCOUNTS.acme ? { ...a, name: hostile.account } : a))
		});
	}

	const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
	const out = html(render());

	it('keeps the document structure: one title, the same sections, no injected blocks', () => {
		expect(out.match(/<h1>/g)).toHaveLength(1);
		expect(out.match(/<h2>/g)).toHaveLength(12);
		expect(out).not.toMatch(/<(img|script|a|pre|code|blockquote|ol|del|b)\b/);
		expect(out).not.toContain('<h2>Injected heading');
		expect(out.match(/<table>/g)).toHaveLength(5);
		// agenda 1 + 5, departments 1 + 4 + total, two spotting rounds 2 × (1 + 2), action items 1 + 2: no forged rows
		expect(out.match(/<tr>/g)).toHaveLength(21);
	});

	it('shows the hostile text literally', () => {
		expect(out).toContain(`<h1>${escapeHtml(oneLine(hostile.title))}</h1>`);
		expect(out).toContain(escapeHtml(oneLine(hostile.objective)));
		expect(out).toContain(`<li>${escapeHtml(oneLine(hostile.insight))} (${escapeHtml(hostile.name)})</li>`);
		expect(out).toContain(`<td>${escapeHtml(oneLine(hostile.action))}</td>`);
		expect(out).toContain(escapeHtml(oneLine(hostile.win)));
		expect(out).toContain(`<td>${escapeHtml(oneLine(hostile.account))}</td>`);
		expect(out).toContain(escapeHtml(hostile.signal));
	});
});

describe('escapeMarkdown', () => {
	it('makes any text one plain line', () => {
		for (const text of ['- a', '+ a', '* a', '1. a', '12) a', '> a', '=== ', '---', '# a', '    code', 'a\n\nb', '\\', '<div>', '&amp;', '|a|b|', 'a  ', 'see https://evil.example/x', 'www.evil.example', 'mail me@evil.example', '[a]: http://x']) {
			const rendered = html(`x\n\n${escapeMarkdown(text)}`);
			expect(rendered, text).toBe(`<p>x</p>\n<p>${escapeHtml(oneLineOf(text))}</p>\n`);
		}
	});

	it('leaves ordinary prose readable', () => {
		expect(escapeMarkdown('Call Acme about 3 pricing visits, then book a demo.')).toBe(
			'Call Acme about 3 pricing visits, then book a demo.'
		);
	});
});

function oneLineOf(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}
