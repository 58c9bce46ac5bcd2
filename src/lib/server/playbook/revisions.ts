import { and, desc, eq, max } from 'drizzle-orm';
import type { Database } from '../db/index';
import { playbookProposal, playbookRevision, user } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { loadStarterPlaybook } from './starter';
import { requestAcknowledgements } from './acknowledgements';
import { checkPlaybook, type PlaybookProblem } from '../../domain/playbook/checkPlaybook';
import type { PlaybookDocument } from '../../domain/playbook/document';
import { isRowNumber } from '../../domain/storedNumbers';

export interface Revision {
	id: string;
	number: number;
	document: PlaybookDocument;
	reason: string;
	authorId: string | null;
	authorName: string | null;
	sessionId: string | null;
	proposalNumber: number | null;
	restoredFrom: number | null;
	createdAt: Date;
}

/** Someone else cut a revision after the one this edit started from. */
export class StaleRevisionError extends Error {
	constructor(readonly base: number, readonly current: number) {
		super(
			`Someone saved revision ${current} while you were editing revision ${base}. Your text is still here: ` +
				`review their change, then save again.`
		);
	}
}

/** The document breaks the playbook's rules (an invalid rule in a stable signal, duplicate ids…). */
export class InvalidPlaybookError extends Error {
	constructor(readonly problems: PlaybookProblem[]) {
		super(`The playbook cannot be saved: ${problems.map((p) => p.message).join(' ')}`);
	}
}

const revisionColumns = {
	id: playbookRevision.id,
	number: playbookRevision.number,
	document: playbookRevision.document,
	reason: playbookRevision.reason,
	authorId: playbookRevision.authorId,
	authorName: user.name,
	sessionId: playbookRevision.sessionId,
	proposalNumber: playbookProposal.number,
	restoredFrom: playbookRevision.restoredFrom,
	createdAt: playbookRevision.createdAt
};

const selectRevisions = (db: Database) =>
	db
		.select(revisionColumns)
		.from(playbookRevision)
		.leftJoin(user, eq(user.id, playbookRevision.authorId))
		.leftJoin(playbookProposal, eq(playbookProposal.id, playbookRevision.proposalId));

/** Revision `number`, or null when there is none (also for numbers no revision can have, such as 0 or past the integer column). */
export async function getRevision(db: Database, workspaceId: string, number: number): Promise<Revision | null> {
	if (!isRowNumber(number)) return null;
	const [row] = await selectRevisions(db).where(and(eq(playbookRevision.workspaceId, workspaceId), eq(playbookRevision.number, number)));
	return (row as Revision) ?? null;
}

export async function latestRevisionNumber(db: Database, workspaceId: string): Promise<number> {
	const [row] = await db.select({ n: max(playbookRevision.number) }).from(playbookRevision).where(eq(playbookRevision.workspaceId, workspaceId));
	return row?.n ?? 0;
}

/** The current playbook; a workspace without one starts from the starter playbook (revision 1). */
export async function getCurrentRevision(db: Database, workspaceId: string): Promise<Revision> {
	const latest = await latestRevisionNumber(db, workspaceId);
	if (latest > 0) return (await getRevision(db, workspaceId, latest))!;
	try {
		await db.insert(playbookRevision).values({
			workspaceId,
			number: 1,
			document: loadStarterPlaybook(),
			reason: 'Started from the Signalroom starter playbook.'
		});
	} catch (e) {
		if (!isUniqueViolation(e)) throw e; // another request created it first: fine
	}
	return (await getRevision(db, workspaceId, await latestRevisionNumber(db, workspaceId)))!;
}

export async function listRevisions(db: Database, workspaceId: string) {
	return selectRevisions(db)
		.where(eq(playbookRevision.workspaceId, workspaceId))
		.orderBy(desc(playbookRevision.number));
}

export interface NewRevision {
	baseRevision: number;
	document: PlaybookDocument;
	authorId: string | null;
	reason: string;
	sessionId?: string | null;
	proposalId?: string | null;
	restoredFrom?: number | null;
}

/**
 * Cuts a new immutable revision on top of `baseRevision`. Refuses an invalid playbook, and refuses
 * (StaleRevisionError) when another revision was cut since the base: nobody's edit is lost.
 */
export async function saveRevision(db: Database, workspaceId: string, input: NewRevision): Promise<Revision> {
	const problems = checkPlaybook(input.document).filter((p) => p.blocking);
	if (problems.length) throw new InvalidPlaybookError(problems);
	try {
		return await db.transaction(async (tx) => {
			const previous = await getRevision(tx, workspaceId, input.baseRevision);
			if (!previous) throw new StaleRevisionError(input.baseRevision, await latestRevisionNumber(tx, workspaceId));
			const number = input.baseRevision + 1;
			await tx.insert(playbookRevision).values({
				workspaceId,
				number,
				document: input.document,
				authorId: input.authorId,
				reason: input.reason,
				sessionId: input.sessionId ?? null,
				proposalId: input.proposalId ?? null,
				restoredFrom: input.restoredFrom ?? null
			});
			await requestAcknowledgements(tx, workspaceId, { before: previous.document, after: input.document, revision: number, authorId: input.authorId });
			return (await getRevision(tx, workspaceId, number))!;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new StaleRevisionError(input.baseRevision, await latestRevisionNumber(db, workspaceId));
		throw e;
	}
}

/** Restoring never rewrites history: the old snapshot becomes the newest revision. */
export async function restoreRevision(db: Database, workspaceId: string, number: number, authorId: string): Promise<Revision> {
	const old = await getRevision(db, workspaceId, number);
	if (!old) throw new Error(`There is no revision ${number}.`);
	const current = await latestRevisionNumber(db, workspaceId);
	return saveRevision(db, workspaceId, {
		baseRevision: current,
		document: old.document,
		authorId,
		reason: `Restored revision ${number}.`,
		restoredFrom: number
	});
}
