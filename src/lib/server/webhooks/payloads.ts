import type { account, deal } from '../db/schema';

/** What account.created / account.updated carry: the account as stored now. */
export function accountPayload(row: typeof account.$inferSelect): Record<string, unknown> {
	return {
		account: {
			id: row.id,
			externalId: row.externalId,
			name: row.name,
			domain: row.domain,
			industry: row.industry,
			size: row.size,
			lifecycle: row.lifecycle,
			plan: row.plan,
			arr: row.arr,
			ownerId: row.ownerId,
			createdAt: row.createdAt.toISOString(),
			updatedAt: row.updatedAt.toISOString()
		}
	};
}

/** What deal.stage_changed carries: the deal after the change, and the stage it left. */
export function dealStagePayload(row: typeof deal.$inferSelect, fromStage: string): Record<string, unknown> {
	return {
		deal: { id: row.id, externalId: row.externalId, name: row.name, accountId: row.accountId, amount: row.amount, stage: row.stage, outcome: row.outcome, closeOn: row.closeOn },
		fromStage,
		toStage: row.stage
	};
}
