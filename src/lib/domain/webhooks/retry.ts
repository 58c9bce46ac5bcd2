/** Attempts per delivery before it is marked failed (an admin can still redeliver it). */
export const MAX_ATTEMPTS = 8;
const BASE_MS = 30_000;
const CAP_MS = 6 * 60 * 60 * 1000;

/**
 * How long to wait after failed attempt number `attempt` (1-based): 30 s, 1 min, 2 min, 4 min…
 * capped at 6 hours; null once the last attempt has failed.
 */
export function retryDelayMs(attempt: number): number | null {
	if (attempt >= MAX_ATTEMPTS) return null;
	return Math.min(CAP_MS, BASE_MS * 2 ** (attempt - 1));
}
