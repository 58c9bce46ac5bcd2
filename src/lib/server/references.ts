import { and, eq } from 'drizzle-orm';
import type { Database } from './db/index';
import { account, contact, deal } from './db/schema';
import { isMember } from './workspaces';

/** A form pointed at a record that is not in this workspace (or no longer exists). */
export class InvalidReferenceError extends Error {
	constructor(
		readonly field: string,
		message: string
	) {
		super(message);
	}
}

/**
 * Checks that every id a form refers to belongs to the same workspace, so a crafted form cannot
 * attach a record to another workspace's account, contact, deal or user.
 */
export async function assertReferences(
	db: Database,
	workspaceId: string,
	refs: { accountId?: string | null; contactId?: string | null; dealId?: string | null; ownerId?: string | null }
): Promise<void> {
	const inWorkspace = async (table: typeof account | typeof contact | typeof deal, id: string) =>
		(await db.select({ id: table.id }).from(table).where(and(eq(table.workspaceId, workspaceId), eq(table.id, id)))).length > 0;
	if (refs.accountId && !(await inWorkspace(account, refs.accountId)))
		throw new InvalidReferenceError('accountId', 'That account does not exist in this workspace. Choose one from the list.');
	if (refs.contactId && !(await inWorkspace(contact, refs.contactId)))
		throw new InvalidReferenceError('contactId', 'That contact does not exist in this workspace. Choose one from the list.');
	if (refs.dealId && !(await inWorkspace(deal, refs.dealId)))
		throw new InvalidReferenceError('dealId', 'That deal does not exist in this workspace. Choose one from the list.');
	if (refs.ownerId && !(await isMember(db, workspaceId, refs.ownerId)))
		throw new InvalidReferenceError('ownerId', 'The owner must be a member of this workspace.');
}
