/** The period a backtest looks at, read from "from" and "to" dates (YYYY-MM-DD, UTC days). */
import { isCalendarDay, YEAR_RANGE } from '../calendarDate';

export interface BacktestPeriod {
	/** 00:00 UTC of the first day. */
	start: Date;
	/** The end of the last day, or now when that is earlier. */
	end: Date;
}

export const DEFAULT_BACKTEST_DAYS = 90;
const MAX_DAYS = 3 * 366;
const DAY_MS = 86_400_000;

export type ReadPeriod = { ok: true; period: BacktestPeriod; from: string; to: string } | { ok: false; message: string; from: string; to: string };

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

const readDay = (text: string): Date | null => (isCalendarDay(text) ? new Date(`${text}T00:00:00Z`) : null);

/** The default period: the last 90 days up to today. */
export function defaultBacktestDates(now: Date): { from: string; to: string } {
	return { from: dayOf(new Date(now.getTime() - (DEFAULT_BACKTEST_DAYS - 1) * DAY_MS)), to: dayOf(now) };
}

/** Reads the dates; empty ones take the default. Messages say what to fix. */
export function readBacktestPeriod(fromText: string | null | undefined, toText: string | null | undefined, now: Date): ReadPeriod {
	const defaults = defaultBacktestDates(now);
	const from = fromText?.trim() || defaults.from;
	const to = toText?.trim() || defaults.to;
	const start = readDay(from);
	const last = readDay(to);
	if (!start) return { ok: false, message: `The start date '${from.slice(0, 20)}' is not a date ${YEAR_RANGE}; pick one like ${defaults.from}.`, from, to };
	if (!last) return { ok: false, message: `The end date '${to.slice(0, 20)}' is not a date ${YEAR_RANGE}; pick one like ${defaults.to}.`, from, to };
	if (last < start) return { ok: false, message: 'The end date is before the start date; swap them.', from, to };
	if (start > now) return { ok: false, message: 'The period starts in the future; a backtest looks at what already happened.', from, to };
	if ((last.getTime() - start.getTime()) / DAY_MS > MAX_DAYS) return { ok: false, message: 'Pick a period of at most three years.', from, to };
	const end = new Date(Math.min(last.getTime() + DAY_MS - 1, now.getTime()));
	return { ok: true, period: { start, end }, from, to };
}

/** The default period (the last 90 days up to now) as instants. */
export function defaultBacktestPeriod(now: Date): BacktestPeriod {
	const { from } = defaultBacktestDates(now);
	return { start: new Date(`${from}T00:00:00Z`), end: now };
}
