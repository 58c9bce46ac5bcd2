/** The smart list page's "since" date, from which it lists who joined and left. */
import { isCalendarDay, YEAR_RANGE } from '../calendarDate';

const DAY = 86_400_000;
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** The "since" date from the URL: a real calendar day (calendarDate.ts), not in the future; 30 days ago otherwise, with a problem that says why. */
export function readSince(raw: string | null, now: Date): { day: string; problem: string | null } {
	const fallback = dayOf(new Date(now.getTime() - 30 * DAY));
	if (!raw) return { day: fallback, problem: null };
	if (!isCalendarDay(raw)) return { day: fallback, problem: `“${raw}” is not a real date ${YEAR_RANGE} (expected YYYY-MM-DD, e.g. ${fallback}); showing changes since ${fallback} instead.` };
	if (raw > dayOf(now)) return { day: fallback, problem: `${raw} is in the future; showing changes since ${fallback} instead.` };
	return { day: raw, problem: null };
}
