import { ACTIVITY_TYPES, type ActivityType } from './activityTypes';
import { DEPARTMENTS, type Department } from './vocabulary';
import { decodeCursor, type TimelineCursor } from './timelineCursor';

export interface TimelineFilter {
	types: ActivityType[];
	departments: Department[];
	after: TimelineCursor | null;
}

/** Reads ?type=..&dept=..&before=.. from a URL; unknown values are dropped, not errors. */
export function readTimelineFilter(params: URLSearchParams): TimelineFilter {
	const only = <T extends string>(allowed: readonly T[], values: string[]) =>
		[...new Set(values)].filter((v): v is T => (allowed as readonly string[]).includes(v));
	return {
		types: only(ACTIVITY_TYPES, params.getAll('type')),
		departments: only(DEPARTMENTS, params.getAll('dept')),
		after: decodeCursor(params.get('before'))
	};
}

/** The query string for a filter (and optionally a cursor), for links and fetches. */
export function timelineQuery(filter: Pick<TimelineFilter, 'types' | 'departments'>, before?: string): string {
	const params = new URLSearchParams();
	for (const t of filter.types) params.append('type', t);
	for (const d of filter.departments) params.append('dept', d);
	if (before) params.set('before', before);
	return params.toString();
}
