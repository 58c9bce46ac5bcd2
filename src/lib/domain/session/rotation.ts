/** The facilitator role rotates: suggest whoever has waited longest since they last facilitated. */
import type { Role } from '../crm/vocabulary';

export interface RotationMember {
	id: string;
	name: string;
	role: Role;
}

export interface PastSession {
	facilitatorId: string;
	/** ISO time the session ended. */
	endedAt: string;
}

/**
 * Members who never facilitated come first, then whoever facilitated least recently; ties go by
 * name (then id). Viewers cannot facilitate. null when nobody can.
 */
export function suggestNextFacilitator<M extends RotationMember>(
	members: readonly M[],
	pastSessions: readonly PastSession[]
): M | null {
	const lastFacilitated = new Map<string, number>();
	for (const session of pastSessions) {
		const endedMs = Date.parse(session.endedAt);
		if (!Number.isFinite(endedMs)) continue;
		const previous = lastFacilitated.get(session.facilitatorId);
		if (previous === undefined || endedMs > previous) lastFacilitated.set(session.facilitatorId, endedMs);
	}
	const candidates = members.filter((m) => m.role !== 'viewer');
	const lastOf = (m: M) => lastFacilitated.get(m.id) ?? -Infinity;
	const sorted = [...candidates].sort(
		(a, b) => lastOf(a) - lastOf(b) || compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
	return sorted[0] ?? null;
}

function compareNames(a: string, b: string): number {
	return a.localeCompare(b, 'en', { sensitivity: 'base' });
}
