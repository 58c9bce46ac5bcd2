import { describe, expect, it } from 'vitest';
import { auditFilterInput, periodOf } from './auditFilter';

describe('auditFilterInput', () => {
	it('reads an empty query as no filter on page 1', () => {
		expect(auditFilterInput.parse({})).toEqual({ action: undefined, actor: undefined, from: undefined, to: undefined, page: 1 });
	});
	it('refuses unknown actions, bad dates and a period that ends before it starts', () => {
		const bad = auditFilterInput.safeParse({ action: 'drop.tables', from: '2026-13-01' });
		expect(bad.error?.issues.map((i) => i.message)).toEqual(['Choose an action from the list.', 'Enter the first day as a real date between 1900 and 2999 (YYYY-MM-DD).']);
		expect(auditFilterInput.safeParse({ from: '2026-02-01', to: '2026-01-01' }).error?.issues[0].message).toBe('The last day cannot be before the first day.');
	});
	it('refuses days that do not exist (not rolled over to March) and years PostgreSQL cannot take', () => {
		for (const [from, to] of [['2026-02-30', '2026-03-01'], ['0000-01-01', undefined], ['2026-01-01', '9999-12-31'], ['2026-01-01', '2026-02-31']]) {
			const parsed = auditFilterInput.safeParse({ from, to });
			expect(parsed.success, `${from}..${to}`).toBe(false);
			expect(parsed.error?.issues[0].message).toMatch(/^Enter the (first|last) day as a real date between 1900 and 2999 \(YYYY-MM-DD\)\.$/);
		}
		expect(periodOf(auditFilterInput.parse({ from: '1900-01-01', to: '2999-12-31' }))).toEqual({ from: new Date('1900-01-01T00:00:00Z'), to: new Date('3000-01-01T00:00:00Z') });
	});
	it('includes the whole last day', () => {
		expect(periodOf({ from: '2026-01-01', to: '2026-01-31' })).toEqual({ from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-02-01T00:00:00Z') });
	});
});
