import type { Database } from '../db/index';
import { evaluateAccountSignals } from '../playbook/accountSignals';
import type { FiredSignal } from '../../domain/session';

/** At most this many accounts are evaluated for one session's analysis (each reads a whole timeline). */
const MAX_ACCOUNTS = 30;

/**
 * The stable playbook signals that fired on the accounts a session reviewed, with their evidence
 * events: what analyzeTags needs to name the signals nobody tagged (missed signals).
 */
export async function listFiredSignals(db: Database, workspaceId: string, accountIds: readonly string[], now = new Date()): Promise<FiredSignal[]> {
	const ids = [...new Set(accountIds)].slice(0, MAX_ACCOUNTS);
	const perAccount = await Promise.all(
		ids.map(async (accountId) =>
			(await evaluateAccountSignals(db, workspaceId, accountId, { now })).map((s) => ({
				signalId: s.id,
				name: s.name,
				accountId,
				evidence: s.evaluation.evidence
			}))
		)
	);
	return perAccount.flat();
}
