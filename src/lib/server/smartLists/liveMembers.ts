import type { Database } from '../db/index';
import { definitionOf, type SmartListRow } from './smartLists';
import { evaluateMembers } from './members';

/** A stored list's members now; none while its rule cannot be read (the page says why). */
export async function liveMembers(db: Database, row: SmartListRow, now = new Date()): Promise<string[]> {
	const definition = definitionOf(row);
	if (definition.ruleProblem) return [];
	return evaluateMembers(db, row.workspaceId, definition, now);
}
