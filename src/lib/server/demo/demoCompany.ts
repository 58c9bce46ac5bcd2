import type { Department, Plan, Role } from '../../domain/crm/vocabulary';

/** Every demo user signs in with this password; it is printed on the sign-in page of a demo. */
export const DEMO_PASSWORD = 'practice-signals';
export const DEMO_SLUG = 'demo';
export const DEMO_SEED = 20_240_601;

/** The fictional B2B SaaS company whose CRM the demo workspace holds. */
export const DEMO_COMPANY = {
	workspaceName: 'Lumetric (demo)',
	product: 'Lumetric',
	tagline: 'product analytics for B2B SaaS teams'
} as const;

export interface DemoUserProfile {
	/** Local part of the email address; also how the generator refers to the user. */
	key: string;
	name: string;
	role: Role;
	department: Department;
}

export const DEMO_USER_PROFILES: readonly DemoUserProfile[] = [
	{ key: 'owner', name: 'Maya Lindqvist', role: 'owner', department: 'revops' },
	{ key: 'facilitator', name: 'Jonah Okafor', role: 'facilitator', department: 'success' },
	{ key: 'viewer', name: 'Priya Raman', role: 'viewer', department: 'product' },
	{ key: 'sales', name: 'Diego Alvarez', role: 'member', department: 'sales' },
	{ key: 'sales2', name: 'Hannah Becker', role: 'member', department: 'sales' },
	{ key: 'marketing', name: 'Chloe Dubois', role: 'member', department: 'marketing' },
	{ key: 'success', name: 'Samuel Mensah', role: 'member', department: 'success' },
	{ key: 'success2', name: 'Aiko Tanaka', role: 'member', department: 'success' },
	{ key: 'support', name: 'Tomás Silva', role: 'member', department: 'support' },
	{ key: 'product', name: 'Grace Kim', role: 'member', department: 'product' },
	{ key: 'revops', name: 'Oliver Novak', role: 'member', department: 'revops' }
];

/** Sellers own leads and open deals; customer success owns accounts once they buy. */
export const SALES_OWNERS = ['sales', 'sales2'] as const;
export const SUCCESS_OWNERS = ['success', 'success2', 'facilitator'] as const;

/** `facilitator@demo.signalroom.test` for the default slug; another slug gets its own addresses. */
export function demoUserEmail(key: string, slug: string): string {
	return `${key}@${slug}.signalroom.test`.toLowerCase();
}

/** List price per plan in whole US dollars of ARR: [low, high]. */
export const PLAN_ARR: Record<Plan, readonly [number, number]> = {
	free: [0, 0],
	starter: [3_600, 9_000],
	pro: [15_000, 45_000],
	enterprise: [60_000, 180_000]
};
