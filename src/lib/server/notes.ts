import { and, desc, eq } from 'drizzle-orm';
import type { Database } from './db/index';
import { note, user } from './db/schema';
import { assertReferences } from './references';
import type { NoteInput } from '../domain/crm/inputs';

export async function listAccountNotes(db: Database, workspaceId: string, accountId: string, limit = 50) {
	return db
		.select({ id: note.id, body: note.body, createdAt: note.createdAt, updatedAt: note.updatedAt, authorId: note.authorId, authorName: user.name })
		.from(note)
		.leftJoin(user, eq(user.id, note.authorId))
		.where(and(eq(note.workspaceId, workspaceId), eq(note.accountId, accountId)))
		.orderBy(desc(note.createdAt))
		.limit(limit);
}

export async function addNote(db: Database, workspaceId: string, accountId: string, authorId: string, input: NoteInput): Promise<string> {
	await assertReferences(db, workspaceId, { accountId, contactId: input.contactId, dealId: input.dealId });
	const [row] = await db
		.insert(note)
		.values({ workspaceId, accountId, authorId, body: input.body, contactId: input.contactId, dealId: input.dealId })
		.returning({ id: note.id });
	return row.id;
}

/**
 * Edits a note of an account's; only its author may, unless `anyAuthor` (admins). Says why nothing
 * changed: no such note on this account, or the editor is not its author.
 */
export async function updateNote(
	db: Database,
	workspaceId: string,
	accountId: string,
	noteId: string,
	body: string,
	editor: { userId: string; anyAuthor: boolean }
): Promise<'updated' | 'missing' | 'not-author'> {
	const ofAccount = and(eq(note.workspaceId, workspaceId), eq(note.accountId, accountId), eq(note.id, noteId));
	const rows = await db
		.update(note)
		.set({ body, updatedAt: new Date() })
		.where(and(ofAccount, editor.anyAuthor ? undefined : eq(note.authorId, editor.userId)))
		.returning({ id: note.id });
	if (rows.length > 0) return 'updated';
	const [found] = await db.select({ id: note.id }).from(note).where(ofAccount);
	return found ? 'not-author' : 'missing';
}
