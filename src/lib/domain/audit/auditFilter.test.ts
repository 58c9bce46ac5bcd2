import { describe, expect, it } from 'vitest';
import { auditFilterInput, periodOf } from './auditFilter';

describe('auditFilterInput', () => {
	it('reads an empty query as no filter on page 1', () => {
		expect(auditFilterInput.parse({})).toEqual({ action: undefined, actor: undefined, from: undefined, to: undefined, page: 1 });
	});
	it('refuses unknown actions, bad dates and a period that ends before it starts', () => {
		const bad = auditFilterInput.safeParse({ action: 'drop.tables', from: '2026-13-01' });
		expect(bad.error?.issues.map((i) => i.message)).toEqual(['Choose an action from the list.', 'Enter the first day as a date (YYYY-MM-DD).']);
		expect(auditFilterInput.safeParse({ from: '2026-02-01', to: '2026-01-01' }).error?.issues[0].message).toBe('The last day cannot be before the first day.');
	});
	it('includes the whole last day', () => {
		expect(periodOf({ from: '2026-01-01', to: '2026-01-31' })).toEqual({ from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-02-01T00:00:00Z') });
	});
});
