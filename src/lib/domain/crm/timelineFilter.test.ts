import { expect, it } from 'vitest';
import { readTimelineFilter, timelineQuery } from './timelineFilter';
import { encodeCursor } from './timelineCursor';

it('reads known types and departments and drops the rest', () => {
	const f = readTimelineFilter(new URLSearchParams('type=web_visit&type=bogus&type=web_visit&dept=sales&dept=hr&before=zz'));
	expect(f).toEqual({ types: ['web_visit'], departments: ['sales'], after: null });
});

it('round-trips a filter with its cursor through the query string', () => {
	const cursor = { occurredAt: new Date('2026-01-02T03:04:05.006Z'), id: 42 };
	const q = timelineQuery({ types: ['ticket_opened', 'churned'], departments: ['support'] }, encodeCursor(cursor));
	expect(readTimelineFilter(new URLSearchParams(q))).toEqual({ types: ['ticket_opened', 'churned'], departments: ['support'], after: cursor });
});
