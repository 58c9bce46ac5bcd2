import { randomUUID } from 'node:crypto';
import { outcomeForStage, titleCase, type AccountLifecycle, type Plan } from '../../domain/crm/vocabulary';
import type { account, contact, deal, membership, user, workspace } from '../db/schema';
import { DEMO_COMPANY, DEMO_USER_PROFILES, demoUserEmail, type DemoUserProfile } from './demoCompany';
import type { DemoUser } from './demoStore';
import type { AccountPlan } from './planAccounts';
import { createRandom, deriveSeed } from '../../domain/random';
import { toDateOnly, type DemoWindow } from './time';

export function demoUsers(slug: string): (DemoUser & { key: string })[] {
	return DEMO_USER_PROFILES.map((p: DemoUserProfile) => ({ ...p, email: demoUserEmail(p.key, slug) }));
}

export function workspaceRow(id: string, slug: string, window: DemoWindow): typeof workspace.$inferInsert {
	return { id, name: DEMO_COMPANY.workspaceName, slug, isDemo: true, createdAt: new Date(window.start) };
}

/** Rows for the demo users that do not exist yet (users outlive a deleted workspace), and all memberships. */
export function userRows(
	workspaceId: string,
	users: ReturnType<typeof demoUsers>,
	existing: Map<string, string>,
	passwordHash: string,
	window: DemoWindow
): {
	users: (typeof user.$inferInsert)[];
	memberships: (typeof membership.$inferInsert)[];
	ids: Record<string, string>;
} {
	const ids: Record<string, string> = {};
	const newUsers: (typeof user.$inferInsert)[] = [];
	const createdAt = new Date(window.start);
	for (const u of users) {
		ids[u.key] = existing.get(u.email) ?? randomUUID();
		if (!existing.has(u.email))
			newUsers.push({ id: ids[u.key], email: u.email, name: u.name, passwordHash, createdAt });
	}
	const memberships = users.map((u) => ({
		workspaceId,
		userId: ids[u.key],
		role: u.role,
		department: u.department,
		createdAt
	}));
	return { users: newUsers, memberships, ids };
}

function lifecycleOf(plan: AccountPlan): AccountLifecycle {
	if (plan.customer) return plan.customer.churnAt === null ? 'customer' : 'churned';
	return plan.funnel.journey === 'open' ? 'prospect' : 'lead';
}

/** The account as it stands at "now": lifecycle, plan and ARR agree with its last plan event. */
export function accountRow(
	plan: AccountPlan,
	workspaceId: string,
	userIds: Record<string, string>,
	seed: number
): typeof account.$inferInsert {
	const c = plan.customer;
	const lifecycle = lifecycleOf(plan);
	const freeTier = !c && createRandom(deriveSeed(seed, 'free-tier', plan.index)).chance(0.3);
	const current: Plan | null = lifecycle === 'customer' && c ? c.finalPlan : freeTier ? 'free' : null;
	const lastChange = c ? Math.max(c.since, c.churnAt ?? 0, ...c.changes.map((x) => x.at)) : plan.funnel.firstTouchAt;
	return {
		id: plan.id,
		workspaceId,
		name: plan.name,
		domain: plan.domain,
		industry: plan.industry,
		size: plan.size,
		ownerId: userIds[c ? plan.successKey : plan.salesKey],
		lifecycle,
		plan: current,
		arr: lifecycle === 'customer' && c ? c.finalArr : 0,
		externalId: plan.externalId,
		createdAt: new Date(plan.funnel.firstTouchAt),
		updatedAt: new Date(lastChange)
	};
}

export function contactRows(plan: AccountPlan, workspaceId: string, serial: number): (typeof contact.$inferInsert)[] {
	return plan.contacts.map((c, i) => ({
		id: c.id,
		workspaceId,
		accountId: plan.id,
		firstName: c.firstName,
		lastName: c.lastName,
		email: c.email,
		title: c.title,
		lifecycle: c.lifecycle,
		externalId: `CON-${String(serial + i + 1).padStart(6, '0')}`,
		createdAt: new Date(plan.funnel.firstTouchAt),
		updatedAt: new Date(plan.funnel.firstTouchAt)
	}));
}

export function dealRow(
	plan: AccountPlan,
	workspaceId: string,
	userIds: Record<string, string>,
	now: number
): typeof deal.$inferInsert | null {
	const d = plan.funnel.deal;
	if (!d || !plan.dealId) return null;
	const closed = d.stage === 'closed_won' || d.stage === 'closed_lost';
	return {
		id: plan.dealId,
		workspaceId,
		accountId: plan.id,
		name: `${plan.name} — ${titleCase(d.plan)}`,
		stage: d.stage,
		outcome: outcomeForStage(d.stage),
		amount: d.amount,
		ownerId: userIds[plan.salesKey],
		openedOn: toDateOnly(d.openedAt),
		closeOn: toDateOnly(d.closeAt),
		externalId: `DEAL-${String(plan.index + 1).padStart(5, '0')}`,
		createdAt: new Date(d.openedAt),
		updatedAt: new Date(closed ? d.closeAt : Math.min(now, d.openedAt))
	};
}
