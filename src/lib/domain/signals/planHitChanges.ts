/**
 * How detection turns one rule's result into changes to stored signal hits (one signal, the
 * accounts in scope). A hit is one occurrence of the signal on an account:
 * - still holding: the open hit is kept, and refreshed (evidence, revision, last seen) when its
 *   evidence or the playbook revision changed, or when the detection confirms every hit (a sweep);
 * - stopped holding: the open hit is closed at the instant it stopped, never deleted;
 * - holding with no open hit: a new open hit (the one that alerts and creates tasks);
 * - an occurrence that began and ended between two detections (or before the first one) is kept
 *   as a closed hit, once, so history shows it without alerting anybody.
 */
export interface RuleResult {
	accountId: string;
	holdsNow: boolean;
	lastStartedAt: Date;
	lastEndedAt: Date | null;
	evidence: number[];
	evidenceAt: Date | null;
}

export interface StoredHit {
	id: string;
	accountId: string;
	firstFiredAt: Date;
	evidence: number[];
	evidenceAt: Date | null;
	revision: number;
}

export interface HitInsert {
	accountId: string;
	firstFiredAt: Date;
	lastFiredAt: Date;
	closedAt: Date | null;
	evidence: number[];
	evidenceAt: Date | null;
}

export interface HitRefresh {
	id: string;
	evidence: number[];
	evidenceAt: Date | null;
}

export interface HitClose {
	id: string;
	closedAt: Date;
}

export interface HitChanges {
	opened: HitInsert[];
	/** Closed occurrences seen for the first time (history only). */
	past: HitInsert[];
	refreshed: HitRefresh[];
	closed: HitClose[];
}

/** What a detection runs as: the current playbook revision, and whether it confirms every open hit. */
export interface HitPlanContext {
	now: Date;
	revision: number;
	/**
	 * Refresh every hit that still holds, changed or not (a sweep: "last seen" then says when
	 * detection last confirmed it). Otherwise only changed hits are written: an incremental
	 * detection after each new activity would else rewrite every open hit of the account.
	 */
	confirm: boolean;
}

const sameEvidence = (hit: StoredHit, r: RuleResult) =>
	hit.evidenceAt?.getTime() === r.evidenceAt?.getTime() && hit.evidence.length === r.evidence.length && hit.evidence.every((id, i) => id === r.evidence[i]);

/**
 * @param results the rule's rows for the accounts in scope (accounts it never fired for are absent)
 * @param open the signal's open hits for those accounts
 * @param latestStart per account, the start of its newest stored hit of this signal (open or closed)
 */
export function planHitChanges(results: RuleResult[], open: StoredHit[], latestStart: Map<string, Date>, context: HitPlanContext): HitChanges {
	const { now } = context;
	const changes: HitChanges = { opened: [], past: [], refreshed: [], closed: [] };
	const openByAccount = new Map(open.map((h) => [h.accountId, h]));
	for (const r of results) {
		const hit = openByAccount.get(r.accountId);
		openByAccount.delete(r.accountId);
		if (hit) {
			if (r.holdsNow) {
				if (context.confirm || hit.revision !== context.revision || !sameEvidence(hit, r)) changes.refreshed.push({ id: hit.id, evidence: r.evidence, evidenceAt: r.evidenceAt });
			} else {
				const stopped = r.lastEndedAt ?? now;
				changes.closed.push({ id: hit.id, closedAt: stopped < hit.firstFiredAt ? now : stopped });
			}
			continue;
		}
		const base = { accountId: r.accountId, firstFiredAt: r.lastStartedAt, evidence: r.evidence, evidenceAt: r.evidenceAt };
		if (r.holdsNow) {
			changes.opened.push({ ...base, lastFiredAt: now, closedAt: null });
			continue;
		}
		const newest = latestStart.get(r.accountId);
		if (r.lastEndedAt && (!newest || newest < r.lastStartedAt)) {
			changes.past.push({ ...base, lastFiredAt: r.lastEndedAt, closedAt: r.lastEndedAt });
		}
	}
	// Open hits the rule no longer fires for at all (its wording or the data changed).
	for (const hit of openByAccount.values()) changes.closed.push({ id: hit.id, closedAt: now });
	return changes;
}
