import type { Random } from '../../domain/random';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** How far back the demo history reaches from its anchor date: 18 months. */
export const HISTORY_DAYS = 548;

/** The stretch of time a demo covers, in epoch milliseconds. */
export interface DemoWindow {
	start: number;
	now: number;
}

export function createWindow(now: Date): DemoWindow {
	const end = Math.floor(now.getTime() / 1000) * 1000;
	return { start: end - HISTORY_DAYS * DAY, now: end };
}

/** UTC midnight of the day holding `at`. */
export function dayStart(at: number): number {
	return at - (((at % DAY) + DAY) % DAY);
}

/** A moment on the same UTC day as `day`, within the working hours of a US/EU team (08-21 UTC). */
export function atWorkHour(random: Random, day: number): number {
	return dayStart(day) + 8 * HOUR + random.int(0, 13 * 3600 - 1) * 1000;
}

/** A whole-second moment in [from, to). */
export function momentBetween(random: Random, from: number, to: number): number {
	if (to <= from) return Math.floor(from / 1000) * 1000;
	return Math.floor(random.between(from, to) / 1000) * 1000;
}

/** The `date` column form (YYYY-MM-DD, UTC) of a moment. */
export function toDateOnly(at: number): string {
	return new Date(at).toISOString().slice(0, 10);
}

export function clamp(value: number, min: number, max: number): number {
	return Math.min(Math.max(value, min), max);
}
