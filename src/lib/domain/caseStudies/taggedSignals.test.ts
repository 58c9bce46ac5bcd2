import { describe, expect, it } from 'vitest';
import { countTaggedSignals } from './taggedSignals';

describe('countTaggedSignals', () => {
	it('counts, per signal, the accounts where someone tagged an event before the outcome', () => {
		const windows = new Map([
			['a', new Set([1, 2, 3])],
			['b', new Set([10, 11])],
			['c', new Set([20])]
		]);
		const counts = countTaggedSignals(
			[
				{ accountId: 'a', activityId: 1, signal: 'Login silence' },
				{ accountId: 'a', activityId: 2, signal: 'Login silence' },
				{ accountId: 'b', activityId: 10, signal: 'Login silence' },
				{ accountId: 'b', activityId: 11, signal: 'Angry ticket' },
				// outside the window, or on an account not picked: left out
				{ accountId: 'c', activityId: 99, signal: 'Angry ticket' },
				{ accountId: 'z', activityId: 1, signal: 'Angry ticket' }
			],
			windows
		);
		expect(counts).toEqual([
			{ key: 'Login silence', accounts: 2, occurrences: 3 },
			{ key: 'Angry ticket', accounts: 1, occurrences: 1 }
		]);
	});
});
