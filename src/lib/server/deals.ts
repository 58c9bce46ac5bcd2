import { and, asc, desc, eq, gte, or, sql } from 'drizzle-orm';
import type { Database } from './db/index';
import { account, deal, user } from './db/schema';
import { assertReferences } from './references';
import { enqueueWebhookEvent } from './webhooks/enqueue';
import { dealStagePayload } from './webhooks/payloads';
import type { DealInput } from '../domain/crm/inputs';
import { DEAL_STAGES, outcomeForStage, type DealStage } from '../domain/crm/vocabulary';

const dealColumns = {
	id: deal.id,
	name: deal.name,
	stage: deal.stage,
	outcome: deal.outcome,
	amount: deal.amount,
	openedOn: deal.openedOn,
	closeOn: deal.closeOn,
	accountId: deal.accountId,
	accountName: account.name,
	ownerId: deal.ownerId,
	ownerName: user.name,
	externalId: deal.externalId
};

const selectDeals = (db: Database) =>
	db
		.select(dealColumns)
		.from(deal)
		.innerJoin(account, eq(account.id, deal.accountId))
		.leftJoin(user, eq(user.id, deal.ownerId));

export type DealRow = Awaited<ReturnType<ReturnType<typeof selectDeals>['execute']>>[number];

export interface PipelineColumn {
	stage: DealStage;
	deals: DealRow[];
	count: number;
	total: number;
}

/**
 * The pipeline board: every open deal by stage, and the deals closed in the last `closedDays`
 * days in the two closed columns (older closed deals stay in reports, not on the board).
 */
export async function listPipeline(
	db: Database,
	workspaceId: string,
	options: { ownerId?: string | null; closedDays?: number; today?: Date } = {}
): Promise<PipelineColumn[]> {
	const today = options.today ?? new Date();
	const since = new Date(today.getTime() - (options.closedDays ?? 90) * 86400000).toISOString().slice(0, 10);
	const rows = await selectDeals(db)
		.where(
			and(
				eq(deal.workspaceId, workspaceId),
				options.ownerId ? eq(deal.ownerId, options.ownerId) : undefined,
				or(eq(deal.outcome, 'open'), gte(deal.closeOn, since))
			)
		)
		.orderBy(desc(deal.amount), asc(deal.name));
	return DEAL_STAGES.map((stage) => {
		const deals = rows.filter((d) => d.stage === stage);
		return { stage, deals, count: deals.length, total: deals.reduce((sum, d) => sum + d.amount, 0) };
	});
}

export async function listAccountDeals(db: Database, workspaceId: string, accountId: string) {
	return selectDeals(db)
		.where(and(eq(deal.workspaceId, workspaceId), eq(deal.accountId, accountId)))
		.orderBy(sql`${deal.outcome} = 'open' desc`, desc(deal.openedOn));
}

export async function getDeal(db: Database, workspaceId: string, dealId: string) {
	const [row] = await selectDeals(db).where(and(eq(deal.workspaceId, workspaceId), eq(deal.id, dealId)));
	return row ?? null;
}

export async function createDeal(db: Database, workspaceId: string, input: DealInput): Promise<string> {
	await assertReferences(db, workspaceId, { accountId: input.accountId, ownerId: input.ownerId });
	const [row] = await db
		.insert(deal)
		.values({ ...input, workspaceId, outcome: outcomeForStage(input.stage) })
		.returning({ id: deal.id });
	return row.id;
}

/** Updates a deal; a change of stage queues deal.stage_changed in the same transaction. */
export async function updateDeal(db: Database, workspaceId: string, dealId: string, input: DealInput): Promise<boolean> {
	await assertReferences(db, workspaceId, { accountId: input.accountId, ownerId: input.ownerId });
	return db.transaction(async (tx) => {
		const [before] = await tx
			.select({ stage: deal.stage })
			.from(deal)
			.where(and(eq(deal.workspaceId, workspaceId), eq(deal.id, dealId)))
			.for('update');
		if (!before) return false;
		const [row] = await tx
			.update(deal)
			.set({ ...input, outcome: outcomeForStage(input.stage), updatedAt: new Date() })
			.where(and(eq(deal.workspaceId, workspaceId), eq(deal.id, dealId)))
			.returning();
		if (row.stage !== before.stage) await enqueueWebhookEvent(tx, workspaceId, 'deal.stage_changed', dealStagePayload(row, before.stage));
		return true;
	});
}
