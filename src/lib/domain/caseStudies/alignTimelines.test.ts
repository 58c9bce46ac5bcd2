import { describe, expect, it } from 'vitest';
import { alignEvents, countPreceding, daysBefore } from './alignTimelines';

const at = (iso: string) => new Date(iso);

describe('daysBefore', () => {
	it('counts whole 24-hour days back from the outcome', () => {
		const outcome = at('2026-03-10T12:00:00Z');
		expect(daysBefore(outcome, at('2026-03-10T12:00:00Z'))).toBe(0);
		expect(daysBefore(outcome, at('2026-03-09T12:00:01Z'))).toBe(0);
		expect(daysBefore(outcome, at('2026-03-09T12:00:00Z'))).toBe(1);
		expect(daysBefore(outcome, at('2026-02-08T12:00:00Z'))).toBe(30);
	});
});

describe('alignEvents', () => {
	it('keeps the window before the outcome, nearest the outcome first', () => {
		const outcome = at('2026-03-10T12:00:00Z');
		const events = [
			{ id: 1, type: 'product_login', occurredAt: at('2025-10-01T00:00:00Z') },
			{ id: 2, type: 'ticket_opened', occurredAt: at('2026-02-08T12:00:00Z') },
			{ id: 3, type: 'churned', occurredAt: outcome },
			{ id: 4, type: 'email_sent', occurredAt: at('2026-03-11T00:00:00Z') },
			{ id: 5, type: 'product_login', occurredAt: at('2025-11-11T12:00:01Z') }
		];
		const aligned = alignEvents(events, outcome, 120);
		expect(aligned.map((e) => [e.id, e.daysBefore])).toEqual([
			[3, 0],
			[2, 30],
			[5, 118]
		]);
	});
});

describe('countPreceding', () => {
	it('counts accounts once per key and sorts by how many accounts had it', () => {
		const counts = countPreceding([
			['ticket_opened', 'ticket_opened', 'product_login'],
			['ticket_opened'],
			['email_sent', 'product_login', 'product_login', 'product_login']
		]);
		expect(counts).toEqual([
			{ key: 'product_login', accounts: 2, occurrences: 4 },
			{ key: 'ticket_opened', accounts: 2, occurrences: 3 },
			{ key: 'email_sent', accounts: 1, occurrences: 1 }
		]);
	});
});
