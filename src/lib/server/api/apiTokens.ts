import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Database } from '../db/index';
import { apiToken, user } from '../db/schema';
import { hashToken } from '../auth/session';
import { recordAudit } from '../audit';
import type { ApiScope, ApiTokenInput } from '../../domain/api/scopes';

export const TOKEN_PREFIX = 'sr_';

export interface Actor {
	userId: string;
	name: string;
}

/** What a valid bearer token stands for. */
export interface ApiPrincipal {
	tokenId: string;
	tokenName: string;
	workspaceId: string;
	scopes: ApiScope[];
	ratePerMinute: number;
}

/** 160 random bits, base32, with a recognisable prefix so secret scanners can spot leaked tokens. */
export function generateApiToken(): string {
	return TOKEN_PREFIX + encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

/**
 * Creates a token and records it in the audit log, in one transaction. Returns the secret, which
 * is never stored (only its SHA-256) and so can be shown this once.
 */
export async function createApiToken(db: Database, workspaceId: string, actor: Actor, input: ApiTokenInput) {
	const secret = generateApiToken();
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(apiToken)
			.values({
				workspaceId,
				name: input.name,
				tokenHash: hashToken(secret),
				prefix: secret.slice(0, TOKEN_PREFIX.length + 4),
				scopes: input.scopes,
				ratePerMinute: input.ratePerMinute,
				createdBy: actor.userId
			})
			.returning({ id: apiToken.id });
		await recordAudit(tx, {
			workspaceId,
			actorId: actor.userId,
			actorLabel: actor.name,
			action: 'token.create',
			subjectType: 'token',
			subjectId: row.id,
			summary: `Created API token "${input.name}" (${input.scopes.join(', ')})`,
			details: { scopes: input.scopes, ratePerMinute: input.ratePerMinute }
		});
		return { id: row.id, secret };
	});
}

/** Revokes a token of this workspace (audited); false when there is no such live token. */
export async function revokeApiToken(db: Database, workspaceId: string, actor: Actor, tokenId: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(apiToken)
			.set({ revokedAt: new Date() })
			.where(and(eq(apiToken.workspaceId, workspaceId), eq(apiToken.id, tokenId), isNull(apiToken.revokedAt)))
			.returning({ id: apiToken.id, name: apiToken.name });
		if (!row) return false;
		await recordAudit(tx, {
			workspaceId,
			actorId: actor.userId,
			actorLabel: actor.name,
			action: 'token.revoke',
			subjectType: 'token',
			subjectId: row.id,
			summary: `Revoked API token "${row.name}"`
		});
		return true;
	});
}

/** The workspace's tokens, live ones first, newest first; never the hash. */
export async function listApiTokens(db: Database, workspaceId: string) {
	return db
		.select({
			id: apiToken.id,
			name: apiToken.name,
			prefix: apiToken.prefix,
			scopes: apiToken.scopes,
			ratePerMinute: apiToken.ratePerMinute,
			createdAt: apiToken.createdAt,
			createdByName: user.name,
			lastUsedAt: apiToken.lastUsedAt,
			revokedAt: apiToken.revokedAt
		})
		.from(apiToken)
		.leftJoin(user, eq(user.id, apiToken.createdBy))
		.where(eq(apiToken.workspaceId, workspaceId))
		.orderBy(sql`${apiToken.revokedAt} is not null`, desc(apiToken.createdAt));
}

/**
 * Looks a bearer secret up by its hash. Revoked or unknown tokens give null. Marks the token used,
 * at most once a minute, so busy integrations do not write the row on every request.
 */
export async function authenticateApiToken(db: Database, secret: string, now = new Date()): Promise<ApiPrincipal | null> {
	if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 100) return null;
	const [row] = await db
		.select({
			tokenId: apiToken.id,
			tokenName: apiToken.name,
			workspaceId: apiToken.workspaceId,
			scopes: apiToken.scopes,
			ratePerMinute: apiToken.ratePerMinute,
			lastUsedAt: apiToken.lastUsedAt
		})
		.from(apiToken)
		.where(and(eq(apiToken.tokenHash, hashToken(secret)), isNull(apiToken.revokedAt)));
	if (!row) return null;
	if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= 60_000) {
		await db.update(apiToken).set({ lastUsedAt: now }).where(eq(apiToken.id, row.tokenId));
	}
	const { lastUsedAt: _, ...principal } = row;
	return { ...principal, scopes: principal.scopes as ApiScope[] };
}
