import { describe, expect, it } from 'vitest';
import { suggestNextFacilitator, type RotationMember } from './rotation';

const member = (id: string, name: string, role: RotationMember['role'] = 'member'): RotationMember => ({ id, name, role });
const ada = member('a', 'Ada');
const bo = member('b', 'Bo');
const cy = member('c', 'cy');
const vi = member('v', 'Aaron Viewer', 'viewer');

describe('suggestNextFacilitator', () => {
	it('picks someone who never facilitated, by name', () => {
		const past = [{ facilitatorId: 'a', endedAt: '2026-01-01T10:00:00Z' }];
		expect(suggestNextFacilitator([cy, ada, bo], past)?.id).toBe('b');
		expect(suggestNextFacilitator([cy, ada, bo], [])?.id).toBe('a');
	});

	it('otherwise picks whoever facilitated least recently', () => {
		const past = [
			{ facilitatorId: 'a', endedAt: '2026-01-01T10:00:00Z' },
			{ facilitatorId: 'b', endedAt: '2026-01-08T10:00:00Z' },
			{ facilitatorId: 'c', endedAt: '2026-01-15T10:00:00Z' },
			{ facilitatorId: 'a', endedAt: '2026-01-22T10:00:00Z' }
		];
		expect(suggestNextFacilitator([ada, bo, cy], past)?.id).toBe('b');
	});

	it('breaks ties by name, ignoring case, then by id', () => {
		const same = '2026-01-01T10:00:00Z';
		const past = [
			{ facilitatorId: 'c', endedAt: same },
			{ facilitatorId: 'b', endedAt: same }
		];
		expect(suggestNextFacilitator([cy, bo], past)?.id).toBe('b');
		expect(suggestNextFacilitator([member('z', 'Ann'), member('y', 'ann')], [])?.id).toBe('y');
	});

	it('never suggests a viewer, and says when nobody can facilitate', () => {
		expect(suggestNextFacilitator([vi, bo], [])?.id).toBe('b');
		expect(suggestNextFacilitator([vi], [])).toBeNull();
		expect(suggestNextFacilitator([], [])).toBeNull();
	});

	it('ignores sessions without a readable end and past facilitators who left', () => {
		const past = [
			{ facilitatorId: 'a', endedAt: 'not a date' },
			{ facilitatorId: 'gone', endedAt: '2025-01-01T10:00:00Z' },
			{ facilitatorId: 'b', endedAt: '2026-01-01T10:00:00Z' }
		];
		expect(suggestNextFacilitator([ada, bo], past)?.id).toBe('a');
	});

	it('returns the member object it was given', () => {
		const rich = { ...bo, department: 'sales' as const };
		expect(suggestNextFacilitator([rich], [])).toBe(rich);
	});
});
