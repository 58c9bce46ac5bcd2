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

/** Edits a note's text; only its author may, unless `anyAuthor` (admins). False when nothing matched. */
export async function updateNote(
	db: Database,
	workspaceId: string,
	noteId: string,
	body: string,
	editor: { userId: string; anyAuthor: boolean }
): Promise<boolean> {
	const rows = await db
		.update(note)
		.set({ body, updatedAt: new Date() })
		.where(
			and(
				eq(note.workspaceId, workspaceId),
				eq(note.id, noteId),
				editor.anyAuthor ? undefined : eq(note.authorId, editor.userId)
			)
		)
		.returning({ id: note.id });
	return rows.length > 0;
}
