import type { Database } from '../db/index';
import { findDuplicateAccounts, findDuplicateContacts } from './duplicates';
import { countRecords, findIncompleteRecords, findInvalidEmails, findOverdueDeals, findStaleAccounts } from './problems';
import { scoreDataQuality, type QualityCounts } from '../../domain/hygiene/qualityScore';

const DAY = 86_400_000;

/**
 * Everything the hygiene page shows, measured now. The queries run one after another: PGlite has
 * one connection, and on PostgreSQL the page is one admin's request, not a hot path.
 */
export async function loadHygieneReport(db: Database, workspaceId: string, staleDays: number, now = new Date(), limit = 25) {
	const totals = await countRecords(db, workspaceId);
	const duplicateContacts = await findDuplicateContacts(db, workspaceId, limit);
	const duplicateAccounts = await findDuplicateAccounts(db, workspaceId, limit);
	const incompleteContacts = await findIncompleteRecords(db, workspaceId, 'contact', limit);
	const incompleteAccounts = await findIncompleteRecords(db, workspaceId, 'account', limit);
	const incompleteDeals = await findIncompleteRecords(db, workspaceId, 'deal', limit);
	const invalidEmails = await findInvalidEmails(db, workspaceId, limit);
	const staleAccounts = await findStaleAccounts(db, workspaceId, new Date(now.getTime() - staleDays * DAY), limit);
	const overdueDeals = await findOverdueDeals(db, workspaceId, now.toISOString().slice(0, 10), limit);
	const counts: QualityCounts = {
		...totals,
		duplicateContacts: duplicateContacts.involved,
		duplicateAccounts: duplicateAccounts.involved,
		invalidEmails: invalidEmails.count,
		incompleteContacts: incompleteContacts.count,
		incompleteAccounts: incompleteAccounts.count,
		incompleteDeals: incompleteDeals.count,
		staleAccounts: staleAccounts.count,
		overdueDeals: overdueDeals.count
	};
	return {
		measuredAt: now,
		staleDays,
		counts,
		quality: scoreDataQuality(counts),
		duplicateContacts,
		duplicateAccounts,
		incompleteContacts,
		incompleteAccounts,
		incompleteDeals,
		invalidEmails,
		staleAccounts,
		overdueDeals
	};
}

export type HygieneReport = Awaited<ReturnType<typeof loadHygieneReport>>;
