import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { Database } from '../db/index';
import { playbookProposal, playbookReview, user } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { getRevision, latestRevisionNumber, saveRevision } from './revisions';
import { enqueueWebhookEvent } from '../webhooks/enqueue';
import { mergeDocuments, resolveConflicts, type Conflict, type ConflictChoice } from '../../domain/playbook/mergeDocuments';
import type { PlaybookDocument } from '../../domain/playbook/document';
import { isRowNumber } from '../../domain/storedNumbers';

export type ProposalStatus = 'open' | 'changes_requested' | 'approved' | 'merged' | 'closed';
export type ReviewKind = 'comment' | 'request_changes' | 'approve';

export class ProposalError extends Error {}

const proposalColumns = {
	id: playbookProposal.id,
	number: playbookProposal.number,
	title: playbookProposal.title,
	reason: playbookProposal.reason,
	authorId: playbookProposal.authorId,
	authorName: user.name,
	baseRevision: playbookProposal.baseRevision,
	document: playbookProposal.document,
	status: playbookProposal.status,
	mergedRevision: playbookProposal.mergedRevision,
	sessionId: playbookProposal.sessionId,
	createdAt: playbookProposal.createdAt,
	updatedAt: playbookProposal.updatedAt
};

export type Proposal = Awaited<ReturnType<typeof getProposal>> & {};

/** Proposal `number`, or null when there is none (also for numbers no proposal can have, such as 0 or past the integer column). */
export async function getProposal(db: Database, workspaceId: string, number: number) {
	if (!isRowNumber(number)) return null;
	const [row] = await db
		.select(proposalColumns)
		.from(playbookProposal)
		.leftJoin(user, eq(user.id, playbookProposal.authorId))
		.where(and(eq(playbookProposal.workspaceId, workspaceId), eq(playbookProposal.number, number)));
	return row ?? null;
}

export async function listProposals(db: Database, workspaceId: string, statuses?: ProposalStatus[]) {
	const { document: _, ...columns } = proposalColumns;
	return db
		.select(columns)
		.from(playbookProposal)
		.leftJoin(user, eq(user.id, playbookProposal.authorId))
		.where(and(eq(playbookProposal.workspaceId, workspaceId), statuses?.length ? inArray(playbookProposal.status, statuses) : undefined))
		.orderBy(desc(playbookProposal.number));
}

export interface NewProposal {
	title: string;
	reason: string;
	authorId: string;
	baseRevision: number;
	document: PlaybookDocument;
	sessionId?: string | null;
}

/** Opens a proposal against a base revision; numbered per workspace (#1, #2…). */
export async function createProposal(db: Database, workspaceId: string, input: NewProposal): Promise<number> {
	const base = await getRevision(db, workspaceId, input.baseRevision);
	if (!base) throw new ProposalError(`Revision ${input.baseRevision} does not exist.`);
	if (JSON.stringify(base.document) === JSON.stringify(input.document))
		throw new ProposalError('This proposal changes nothing compared with the playbook it starts from. Edit a section first.');
	for (let attempt = 0; ; attempt++) {
		try {
			return await db.transaction(async (tx) => {
				const [row] = await tx.select({ n: max(playbookProposal.number) }).from(playbookProposal).where(eq(playbookProposal.workspaceId, workspaceId));
				const number = (row?.n ?? 0) + 1;
				await tx.insert(playbookProposal).values({ workspaceId, number, ...input, sessionId: input.sessionId ?? null });
				return number;
			});
		} catch (e) {
			if (!isUniqueViolation(e) || attempt >= 4) throw e; // two proposals opened at once: take the next number
		}
	}
}

export async function listReviews(db: Database, workspaceId: string, proposalId: string) {
	return db
		.select({
			id: playbookReview.id,
			kind: playbookReview.kind,
			body: playbookReview.body,
			authorId: playbookReview.authorId,
			authorName: user.name,
			createdAt: playbookReview.createdAt
		})
		.from(playbookReview)
		.leftJoin(user, eq(user.id, playbookReview.authorId))
		.where(and(eq(playbookReview.workspaceId, workspaceId), eq(playbookReview.proposalId, proposalId)))
		.orderBy(asc(playbookReview.createdAt));
}

const STATUS_AFTER: Record<ReviewKind, ProposalStatus | null> = {
	comment: null,
	request_changes: 'changes_requested',
	approve: 'approved'
};

/** Adds a comment or a verdict; a verdict moves the proposal to "changes requested" or "approved". */
export async function addReview(
	db: Database,
	workspaceId: string,
	number: number,
	review: { authorId: string; kind: ReviewKind; body: string }
): Promise<void> {
	await db.transaction(async (tx) => {
		const proposal = await getProposal(tx, workspaceId, number);
		if (!proposal) throw new ProposalError(`There is no proposal #${number}.`);
		if (proposal.status === 'merged' || proposal.status === 'closed')
			throw new ProposalError(`Proposal #${number} is already ${proposal.status}; it takes no more reviews.`);
		if (review.kind !== 'comment' && review.authorId === proposal.authorId)
			throw new ProposalError('You cannot approve or request changes on your own proposal; ask a facilitator or admin to review it.');
		await tx.insert(playbookReview).values({ workspaceId, proposalId: proposal.id, ...review });
		const status = STATUS_AFTER[review.kind];
		if (status) await tx.update(playbookProposal).set({ status, updatedAt: new Date() }).where(eq(playbookProposal.id, proposal.id));
	});
}

/** The author revises an open proposal (e.g. after changes were requested); it goes back to review. */
export async function reviseProposal(
	db: Database,
	workspaceId: string,
	number: number,
	input: { authorId: string; document: PlaybookDocument; note: string }
): Promise<void> {
	await db.transaction(async (tx) => {
		const proposal = await getProposal(tx, workspaceId, number);
		if (!proposal) throw new ProposalError(`There is no proposal #${number}.`);
		if (proposal.authorId !== input.authorId) throw new ProposalError('Only the author can revise a proposal.');
		if (proposal.status === 'merged' || proposal.status === 'closed') throw new ProposalError(`Proposal #${number} is already ${proposal.status}.`);
		await tx.update(playbookProposal).set({ document: input.document, status: 'open', updatedAt: new Date() }).where(eq(playbookProposal.id, proposal.id));
		await tx.insert(playbookReview).values({ workspaceId, proposalId: proposal.id, authorId: input.authorId, kind: 'comment', body: input.note || 'Revised the proposal.' });
	});
}

export async function closeProposal(db: Database, workspaceId: string, number: number): Promise<void> {
	const rows = await db
		.update(playbookProposal)
		.set({ status: 'closed', updatedAt: new Date() })
		.where(and(eq(playbookProposal.workspaceId, workspaceId), eq(playbookProposal.number, number), inArray(playbookProposal.status, ['open', 'changes_requested', 'approved'])))
		.returning({ id: playbookProposal.id });
	if (rows.length === 0) throw new ProposalError(`Proposal #${number} is not open.`);
}

export type MergeOutcome =
	| { ok: true; revision: number }
	| { ok: false; conflicts: Conflict[]; currentRevision: number; preview: PlaybookDocument };

/**
 * Merges an approved proposal: a three-way merge of its base, the proposal and the current
 * playbook. Overlapping changes come back as conflicts for the reviewer to settle (`choices`,
 * computed against `againstRevision`); nothing is silently overwritten. One transaction.
 */
export async function mergeProposal(
	db: Database,
	workspaceId: string,
	number: number,
	input: { mergerId: string; choices?: Record<string, ConflictChoice>; againstRevision?: number }
): Promise<MergeOutcome> {
	return db.transaction(async (tx) => {
		const proposal = await getProposal(tx, workspaceId, number);
		if (!proposal) throw new ProposalError(`There is no proposal #${number}.`);
		if (proposal.status !== 'approved')
			throw new ProposalError(
				proposal.status === 'merged'
					? `Proposal #${number} is already merged (revision ${proposal.mergedRevision}).`
					: `Proposal #${number} needs an approval before it can be merged.`
			);
		const base = await getRevision(tx, workspaceId, proposal.baseRevision);
		const current = await getRevision(tx, workspaceId, await latestRevisionNumber(tx, workspaceId));
		if (!base || !current) throw new ProposalError('The playbook revisions this proposal depends on are missing.');
		let result = mergeDocuments(base.document, proposal.document, current.document, {
			labels: { ours: 'this proposal', theirs: 'the current playbook' }
		});
		// Choices made against an older current revision do not apply: show the conflicts again.
		if (input.choices && input.againstRevision === current.number) result = resolveConflicts(result, input.choices);
		if (result.conflicts.length > 0) return { ok: false, conflicts: result.conflicts, currentRevision: current.number, preview: result.merged };
		const saved = await saveRevision(tx, workspaceId, {
			baseRevision: current.number,
			document: result.merged,
			authorId: input.mergerId,
			reason: `Merged proposal #${number}: ${proposal.title}. ${proposal.reason}`,
			proposalId: proposal.id,
			sessionId: proposal.sessionId
		});
		await tx
			.update(playbookProposal)
			.set({ status: 'merged', mergedRevision: saved.number, updatedAt: new Date() })
			.where(eq(playbookProposal.id, proposal.id));
		await enqueueWebhookEvent(tx, workspaceId, 'playbook.revision_merged', {
			revision: { number: saved.number, authorId: input.mergerId },
			proposal: { number, title: proposal.title, sessionId: proposal.sessionId }
		});
		return { ok: true, revision: saved.number };
	});
}
