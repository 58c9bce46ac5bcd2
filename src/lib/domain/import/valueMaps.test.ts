import { describe, expect, it } from 'vitest';
import { resolveChoice } from './valueMaps';
import { fieldOf } from './fields';

const field = (entity: Parameters<typeof fieldOf>[0], key: string) => fieldOf(entity, key)!;

describe('resolveChoice', () => {
	it("maps HubSpot's internal names and labels to our stages", () => {
		const lifecycle = field('contacts', 'lifecycle');
		expect(resolveChoice('contacts', lifecycle, 'marketingqualifiedlead')).toBe('mql');
		expect(resolveChoice('contacts', lifecycle, 'Marketing Qualified Lead')).toBe('mql');
		expect(resolveChoice('contacts', lifecycle, 'salesqualifiedlead')).toBe('sql');
		expect(resolveChoice('contacts', lifecycle, 'Customer')).toBe('customer');
		expect(resolveChoice('accounts', field('accounts', 'lifecycle'), 'opportunity')).toBe('prospect');
		const stage = field('deals', 'stage');
		expect(resolveChoice('deals', stage, 'appointmentscheduled')).toBe('discovery');
		expect(resolveChoice('deals', stage, 'Closed Won')).toBe('closed_won');
		expect(resolveChoice('deals', stage, 'closedlost')).toBe('closed_lost');
	});

	it("maps Salesforce and Pipedrive stage names", () => {
		const stage = field('deals', 'stage');
		expect(resolveChoice('deals', stage, 'Prospecting')).toBe('discovery');
		expect(resolveChoice('deals', stage, 'Proposal/Price Quote')).toBe('proposal');
		expect(resolveChoice('deals', stage, 'Negotiation/Review')).toBe('negotiation');
		expect(resolveChoice('deals', stage, 'Id. Decision Makers')).toBe('proposal');
		expect(resolveChoice('deals', stage, 'Negotiations Started')).toBe('negotiation');
		expect(resolveChoice('accounts', field('accounts', 'lifecycle'), 'Customer - Direct')).toBe('customer');
	});

	it("lets the admin's value map win and ignores maps to values we do not have", () => {
		const stage = field('deals', 'stage');
		expect(resolveChoice('deals', stage, 'Verbal yes', { stage: { 'Verbal yes': 'negotiation' } })).toBe('negotiation');
		expect(resolveChoice('deals', stage, 'Closed Won', { stage: { 'Closed Won': 'closed_lost' } })).toBe('closed_lost');
		expect(resolveChoice('deals', stage, 'Verbal yes', { stage: { 'Verbal yes': 'maybe' } })).toBeNull();
		expect(resolveChoice('deals', stage, 'Verbal yes')).toBeNull();
	});

	it('turns headcounts into size bands and activity names into our types', () => {
		const size = field('accounts', 'size');
		expect(resolveChoice('accounts', size, '250')).toBe('201-1000');
		expect(resolveChoice('accounts', size, '11-50')).toBe('11-50');
		expect(resolveChoice('accounts', size, 'big')).toBeNull();
		const type = field('activities', 'type');
		expect(resolveChoice('activities', type, 'CALL')).toBe('call_logged');
		expect(resolveChoice('activities', type, 'Pricing page visit')).toBe('pricing_visit');
		expect(resolveChoice('activities', field('activities', 'department'), 'Customer success')).toBe('success');
	});
});
