/** Which signals the team tagged before most of the picked accounts' outcomes (live sessions). */
import { countPreceding, type PrecedingCount } from './alignTimelines';

export interface CaseTag {
	accountId: string;
	activityId: number;
	/** The tagged signal's name, as people read it. */
	signal: string;
}

/**
 * Counts tags on events of each account's window (`eventIds` per account: the events shown
 * before its outcome). Tags on other events or other accounts are left out.
 */
export function countTaggedSignals(tags: readonly CaseTag[], eventIds: ReadonlyMap<string, ReadonlySet<number>>): PrecedingCount[] {
	return countPreceding(
		[...eventIds].map(([accountId, ids]) => tags.filter((t) => t.accountId === accountId && ids.has(t.activityId)).map((t) => t.signal))
	);
}
