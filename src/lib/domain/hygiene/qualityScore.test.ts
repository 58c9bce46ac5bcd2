import { describe, expect, it } from 'vitest';
import { QUALITY_CHECKS, scoreDataQuality, type QualityCounts } from './qualityScore';

const clean: QualityCounts = {
	contacts: 100,
	accounts: 50,
	openDeals: 10,
	duplicateContacts: 0,
	duplicateAccounts: 0,
	invalidEmails: 0,
	incompleteContacts: 0,
	incompleteAccounts: 0,
	incompleteDeals: 0,
	staleAccounts: 0,
	overdueDeals: 0
};

describe('scoreDataQuality', () => {
	it('weights add up to 100, so a clean store scores 100', () => {
		expect(QUALITY_CHECKS.reduce((s, c) => s + c.weight, 0)).toBe(100);
		expect(scoreDataQuality(clean).score).toBe(100);
	});

	it('takes each check’s weight in proportion to the share of records with the problem', () => {
		// Half the accounts stale costs half of 20 points; every open deal overdue costs all 15.
		const { score, parts } = scoreDataQuality({ ...clean, staleAccounts: 25, overdueDeals: 10 });
		expect(score).toBe(75);
		expect(parts.find((p) => p.key === 'staleAccounts')).toMatchObject({ affected: 25, total: 50, points: 10 });
	});

	it('rounds, but scores 100 only when no check found a problem', () => {
		// Two of 1,000 accounts in a duplicate pair keep 9.98 of 10 points: 99.98 in all.
		expect(scoreDataQuality({ ...clean, accounts: 1000, duplicateAccounts: 2 }).score).toBe(99);
		// One of 50 accounts stale: 99.6 kept, shown as 99; four: 98.4, rounded to 98.
		expect(scoreDataQuality({ ...clean, staleAccounts: 1 }).score).toBe(99);
		expect(scoreDataQuality({ ...clean, staleAccounts: 4 }).score).toBe(98);
	});

	it('an empty store loses nothing, and counts above the total cannot push a part below zero', () => {
		const empty = Object.fromEntries(Object.keys(clean).map((k) => [k, 0])) as QualityCounts;
		expect(scoreDataQuality(empty).score).toBe(100);
		expect(scoreDataQuality({ ...clean, invalidEmails: 1000 }).score).toBe(85);
	});
});
