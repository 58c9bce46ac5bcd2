import type { Database } from '../src/lib/server/db/index';
import { createSession } from '../src/lib/server/sessions/sessions';
import { sessionPlanSchema } from '../src/lib/domain/session';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from './factories';

/**
 * A planned practice session in a fresh workspace: Fran (facilitator, success) runs it, Sam
 * (member, sales) is invited, and the account Acme has one pricing visit to tag.
 */
export async function makePlannedSession(db: Database) {
	const ws = await makeWorkspace(db);
	const fran = await makeUser(db, { workspaceId: ws.id, role: 'facilitator', department: 'success' });
	const sam = await makeUser(db, { workspaceId: ws.id, role: 'member', department: 'sales' });
	const acme = await makeAccount(db, ws.id, { name: 'Acme' });
	const [visit] = await makeActivities(db, ws.id, acme.id, [{ type: 'pricing_visit', at: '2026-01-01T10:00:00Z' }]);
	const plan = sessionPlanSchema.parse({ title: 'Churn review', objective: 'Spot churn', scheduledAt: '2026-03-04T10:00:00Z', participantIds: [sam.id] });
	const sessionId = await createSession(db, ws.id, { plan, facilitatorId: fran.id, createdBy: fran.id });
	return { ws, fran, sam, acme, visit, plan, sessionId };
}
