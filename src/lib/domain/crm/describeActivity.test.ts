import { describe, expect, it } from 'vitest';
import { describeActivity } from './describeActivity';

describe('describeActivity', () => {
	it('names the page of a web visit', () => {
		expect(describeActivity('web_visit', { page: '/docs/api' }).summary).toBe('Visited /docs/api');
	});

	it('shows ticket subject and reads its sentiment as tone', () => {
		const d = describeActivity('ticket_opened', { subject: 'Export fails', sentiment: 'angry' });
		expect(d.summary).toBe('Ticket opened: Export fails');
		expect(d.tone).toBe('negative');
		expect(d.details).toContainEqual({ label: 'Sentiment', value: 'angry' });
		expect(d.details.map((x) => x.label)).not.toContain('Subject');
	});

	it('formats purchase amounts as money', () => {
		const d = describeActivity('purchase', { amount: 12000 });
		expect(d.summary).toBe('Purchase of $12,000');
		expect(describeActivity('renewal', { plan: 'pro', arr: 30000, seats: 12 }).details).toEqual([{ label: 'seats', value: '12' }]);
	});

	it('reads NPS and CSAT scores on their own scales', () => {
		expect(describeActivity('survey_answered', { kind: 'nps', score: 9 }).summary).toBe('NPS answer: 9/10');
		expect(describeActivity('survey_answered', { kind: 'csat', score: 4 }).summary).toBe('CSAT answer: 4/5');
	});

	it('falls back to the type label when properties are missing', () => {
		expect(describeActivity('call_logged', {}).summary).toBe('Call logged');
		expect(describeActivity('email_opened', { campaign: 'demo' }).details).toEqual([{ label: 'Campaign', value: 'demo' }]);
		expect(describeActivity('feature_used', { feature: '' }).summary).toBe('Feature used');
	});

	it('shows upgrade direction', () => {
		expect(describeActivity('plan_upgraded', { from: 'pro', to: 'enterprise' }).summary).toBe(
			'Upgraded from pro to enterprise'
		);
	});
});
