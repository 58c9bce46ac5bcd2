import { and, eq, lt, sql } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Database } from '../db/index';
import { apiIdempotency } from '../db/schema';
import { ApiError } from './apiError';

export const IDEMPOTENCY_TTL_HOURS = 24;
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The Idempotency-Key header, checked: printable ASCII, 1 to 255 characters. */
export function readIdempotencyKey(request: Request, required: boolean): string | null {
	const key = request.headers.get('idempotency-key');
	if (key === null) {
		if (required) throw new ApiError(422, 'validation_failed', 'Send an Idempotency-Key header (e.g. a UUID per batch), so a retried batch is applied only once.', 'Idempotency-Key');
		return null;
	}
	if (!KEY.test(key)) throw new ApiError(422, 'validation_failed', 'The Idempotency-Key must be 1 to 255 printable characters without spaces, e.g. a UUID.', 'Idempotency-Key');
	return key;
}

export function requestFingerprint(method: string, path: string, body: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(`${method} ${path}\n${body}`)));
}

export interface StoredResponse {
	status: number;
	body: unknown;
	replayed: boolean;
}

/**
 * Runs `apply` at most once per (workspace, key) within 24 hours, in ONE transaction with the
 * key's row: a retry of a committed request gets the stored response back; a request that failed
 * left no row, so its retry runs again. A concurrent duplicate waits on the key's row lock and then
 * replays. The same key with a different request is refused (422), never silently replayed.
 */
export async function runIdempotent(
	db: Database,
	workspaceId: string,
	key: string,
	fingerprint: string,
	apply: (tx: Database) => Promise<{ status: number; body: unknown }>
): Promise<StoredResponse> {
	return db.transaction(async (tx) => {
		await tx
			.delete(apiIdempotency)
			.where(and(eq(apiIdempotency.workspaceId, workspaceId), eq(apiIdempotency.key, key), lt(apiIdempotency.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`)));
		const claimed = await tx
			.insert(apiIdempotency)
			.values({ workspaceId, key, requestHash: fingerprint, status: 0, response: {} })
			.onConflictDoNothing()
			.returning({ key: apiIdempotency.key });
		if (claimed.length === 0) {
			const [stored] = await tx
				.select()
				.from(apiIdempotency)
				.where(and(eq(apiIdempotency.workspaceId, workspaceId), eq(apiIdempotency.key, key)));
			if (stored.requestHash !== fingerprint)
				throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request. Use a new key for each new batch; resend a batch only with its own key.', 'Idempotency-Key');
			return { status: stored.status, body: stored.response, replayed: true };
		}
		const result = await apply(tx);
		await tx
			.update(apiIdempotency)
			.set({ status: result.status, response: result.body })
			.where(and(eq(apiIdempotency.workspaceId, workspaceId), eq(apiIdempotency.key, key)));
		return { ...result, replayed: false };
	});
}

/** Forgets keys older than the retention period (housekeeping, run now and then). */
export async function pruneIdempotencyKeys(db: Database): Promise<void> {
	await db.delete(apiIdempotency).where(lt(apiIdempotency.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`));
}
