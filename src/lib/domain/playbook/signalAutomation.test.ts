import { describe, expect, it } from 'vitest';
import { signalAlerts, signalDecayMs, signalTask } from './signalAutomation';

describe('signal automation fields', () => {
	it('alerts for churn-risk and support-gap by default; alert: yes/no overrides', () => {
		expect(signalAlerts({ family: 'churn-risk' })).toBe(true);
		expect(signalAlerts({ family: 'support-gap' })).toBe(true);
		expect(signalAlerts({ family: 'buying' })).toBe(false);
		expect(signalAlerts({ family: 'buying', alert: 'yes' })).toBe(true);
		expect(signalAlerts({ family: 'churn-risk', alert: 'no' })).toBe(false);
	});

	it('reads the task assignee and due days', () => {
		expect(signalTask({ task: 'owner in 2d' })).toEqual({ assignee: 'owner', dueInDays: 2 });
		expect(signalTask({ task: 'success in 14d' })).toEqual({ assignee: 'success', dueInDays: 14 });
		expect(signalTask({})).toBeNull();
	});

	it('reads the decay half-life in days or weeks', () => {
		expect(signalDecayMs({ decay: '30d' })).toBe(30 * 86_400_000);
		expect(signalDecayMs({ decay: '2w' })).toBe(14 * 86_400_000);
		expect(signalDecayMs({})).toBeNull();
	});
});
