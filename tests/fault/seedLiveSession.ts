/** A workspace with `participants` members holding session cookies, and a started live session, written with the app's own modules. */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/lib/server/db/index';
import { createSession } from '../../src/lib/server/sessions/sessions';
import { applySessionCommand } from '../../src/lib/server/sessions/applySessionCommand';
import { createSession as createAuthSession, generateSessionToken } from '../../src/lib/server/auth/session';
import { sessionPlanSchema } from '../../src/lib/domain/session';
import { DEPARTMENTS } from '../../src/lib/domain/crm/vocabulary';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from '../factories';

export interface SeededSession {
	workspaceId: string;
	sessionId: string;
	accountId: string;
	activityIds: number[];
	/** The session's last seq once started. */
	startSeq: number;
	/** people[0] facilitates. */
	people: { id: string; token: string }[];
}

export async function seedLiveSession(db: Database, participants: number, activities = 3): Promise<SeededSession> {
	const ws = await makeWorkspace(db);
	const people: SeededSession['people'] = [];
	for (let i = 0; i < participants; i++) {
		const u = await makeUser(db, { workspaceId: ws.id, role: i === 0 ? 'facilitator' : 'member', department: DEPARTMENTS[i % DEPARTMENTS.length], name: `Person ${i}` });
		const token = generateSessionToken();
		await createAuthSession(db, token, u.id);
		people.push({ id: u.id, token });
	}
	const account = await makeAccount(db, ws.id, { name: 'Acme' });
	const activityIds = (
		await makeActivities(
			db,
			ws.id,
			account.id,
			Array.from({ length: activities }, (_, i) => ({ type: 'product_login' as const, at: new Date(Date.UTC(2026, 0, 1 + i)) }))
		)
	).map((r) => r.id);
	const { sessionId, startSeq } = await startSession(db, ws.id, people);
	return { workspaceId: ws.id, sessionId, startSeq, accountId: account.id, activityIds, people };
}

/** Plans and starts another session for the same people. */
export async function startSession(db: Database, workspaceId: string, people: { id: string }[]): Promise<{ sessionId: string; startSeq: number }> {
	const plan = sessionPlanSchema.parse({
		title: 'Fault drill',
		objective: 'Lose nothing',
		scheduledAt: '2026-03-04T10:00:00Z',
		participantIds: people.slice(1).map((p) => p.id)
	});
	const sessionId = await createSession(db, workspaceId, { plan, facilitatorId: people[0].id, createdBy: people[0].id });
	const started = await applySessionCommand(db, workspaceId, sessionId, { userId: people[0].id, role: 'facilitator', department: DEPARTMENTS[0] }, { type: 'session.start', commandId: randomUUID() });
	if (!started.ok) throw new Error(started.refusal);
	return { sessionId, startSeq: started.events.at(-1)!.seq };
}
