import { eq, like } from 'drizzle-orm';
import type { Database } from '../db/index';
import { membership, user, workspace } from '../db/schema';
import { hashPassword } from '../auth/password';
import { slugify } from '../../domain/crm/slug';
import type { Department } from '../../domain/crm/vocabulary';
import { isUniqueViolation } from '../db/errors';

export class EmailTakenError extends Error {
	constructor() {
		super('An account with this email already exists. Sign in instead, or use another email.');
	}
}

/** Picks "acme", or "acme-2", "acme-3"... when taken. */
async function chooseSlug(db: Database, name: string): Promise<string> {
	const base = slugify(name);
	const taken = new Set(
		(await db.select({ slug: workspace.slug }).from(workspace).where(like(workspace.slug, `${base}%`))).map((r) => r.slug)
	);
	if (!taken.has(base) && base !== 'new') return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function findUserIdByEmail(db: Database, email: string): Promise<string | null> {
	const [row] = await db.select({ id: user.id }).from(user).where(eq(user.email, email.toLowerCase()));
	return row?.id ?? null;
}

/** A new user and their new workspace, of which they are the owner: all or nothing. */
export async function signUp(
	db: Database,
	input: { name: string; email: string; password: string; workspaceName: string; department: Department }
): Promise<{ userId: string; workspaceSlug: string }> {
	const passwordHash = await hashPassword(input.password);
	try {
		return await db.transaction(async (tx) => {
		if (await findUserIdByEmail(tx, input.email)) throw new EmailTakenError();
		const [u] = await tx
			.insert(user)
			.values({ email: input.email.toLowerCase(), name: input.name, passwordHash })
			.returning({ id: user.id });
		const slug = await chooseSlug(tx, input.workspaceName);
		const [w] = await tx.insert(workspace).values({ name: input.workspaceName, slug }).returning({ id: workspace.id });
		await tx.insert(membership).values({ workspaceId: w.id, userId: u.id, role: 'owner', department: input.department });
		return { userId: u.id, workspaceSlug: slug };
		});
	} catch (e) {
		// Two sign-ups racing for one email: the unique index decides, the loser gets the plain message.
		if (isUniqueViolation(e)) throw new EmailTakenError();
		throw e;
	}
}
