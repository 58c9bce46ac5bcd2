import { randomUUID } from 'node:crypto';
import { ActivityBudget } from './activityBudget';
import { buildAccountActivities } from './accountActivities';
import { DEMO_COMPANY, DEMO_PASSWORD, DEMO_SEED, DEMO_SLUG } from './demoCompany';
import { accountRow, contactRows, dealRow, demoUsers, userRows, workspaceRow } from './demoRows';
import type { DemoStore, DemoTable, DemoUser } from './demoStore';
import { noteRows, taskRows } from './notesAndTasks';
import { planAccounts } from './planAccounts';
import { createWindow } from './time';

export interface DemoOptions {
	/** The anchor date: history covers the 18 months before it. Same seed + same now = same data. */
	now?: Date;
	seed?: number;
	accounts?: number;
	/** Average; counts alternate around it so the total is exact. */
	contactsPerAccount?: number;
	/** Total activity rows (the planted stories come first; background events fill up to this). */
	activities?: number;
	slug?: string;
	/** Gives the first account exactly this many activities: one very long timeline for benchmarks. */
	heavyAccountActivities?: number;
	onProgress?: (progress: DemoProgress) => void;
}

export interface DemoProgress {
	table: DemoTable;
	rows: number;
	total: number;
}

export interface DemoWorkspace {
	workspaceId: string;
	slug: string;
	users: DemoUser[];
	password: string;
	/** False when a workspace with this slug already existed and nothing was written. */
	created: boolean;
}

/**
 * True for PostgreSQL's unique_violation (23505), also when a driver wraps it. Two app processes
 * that start together both try to create the demo; the loser sees this and should look again.
 */
export function isUniqueViolation(error: unknown): boolean {
	for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
		if (e.code === '23505') return true;
		e = e.cause as typeof e;
	}
	return false;
}

export const DEFAULT_DEMO_SIZE = { accounts: 300, contactsPerAccount: 5, activities: 60_000 } as const;

function resolve(options: DemoOptions) {
	const resolved = {
		now: options.now ?? new Date(),
		seed: options.seed ?? DEMO_SEED,
		accounts: options.accounts ?? DEFAULT_DEMO_SIZE.accounts,
		contactsPerAccount: options.contactsPerAccount ?? DEFAULT_DEMO_SIZE.contactsPerAccount,
		activities: options.activities ?? DEFAULT_DEMO_SIZE.activities,
		slug: options.slug ?? DEMO_SLUG,
		heavy: options.heavyAccountActivities,
		onProgress: options.onProgress
	};
	const whole = (n: number, min: number) => Number.isSafeInteger(n) && n >= min;
	if (!whole(resolved.accounts, 1))
		throw new Error(`accounts must be a whole number of at least 1 (got ${resolved.accounts})`);
	if (!whole(resolved.contactsPerAccount, 1))
		throw new Error(`contactsPerAccount must be a whole number of at least 1 (got ${resolved.contactsPerAccount})`);
	if (!whole(resolved.activities, 0))
		throw new Error(`activities must be a whole number of at least 0 (got ${resolved.activities})`);
	if (resolved.heavy !== undefined && (!whole(resolved.heavy, 1) || resolved.heavy > resolved.activities)) {
		throw new Error(`heavyAccountActivities must be between 1 and activities (got ${resolved.heavy})`);
	}
	if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(resolved.slug))
		throw new Error(`slug must be lower-case letters, digits and dashes (got "${resolved.slug}")`);
	if (Number.isNaN(resolved.now.getTime())) throw new Error('now must be a valid date');
	return resolved;
}

/**
 * Writes a demo workspace through a DemoStore (the caller holds the transaction). Returns the
 * existing workspace untouched when the slug is taken. Plans every account up front (small),
 * then streams each account's activities so memory stays flat at millions of rows.
 */
export async function writeDemoWorkspace(
	store: DemoStore,
	hashPassword: () => Promise<string>,
	options: DemoOptions = {}
): Promise<DemoWorkspace> {
	const o = resolve(options);
	const existing = await store.findWorkspace(o.slug);
	if (existing) {
		return {
			workspaceId: existing.id,
			slug: o.slug,
			users: await store.listMembers(existing.id),
			password: DEMO_PASSWORD,
			created: false
		};
	}
	const window = createWindow(o.now);
	const workspaceId = randomUUID();
	const users = demoUsers(o.slug);
	const people = userRows(
		workspaceId,
		users,
		await store.findUsers(users.map((u) => u.email)),
		await hashPassword(),
		window
	);
	const plans = planAccounts(
		{
			seed: o.seed,
			accounts: o.accounts,
			contactsPerAccount: o.contactsPerAccount,
			heavyContacts: o.heavy === undefined ? undefined : 40
		},
		window
	);
	const progress = (table: DemoTable, rows: number, total: number) => o.onProgress?.({ table, rows, total });

	await store.write('workspace', [workspaceRow(workspaceId, o.slug, window)]);
	await store.write('user', people.users);
	await store.write('membership', people.memberships);
	await store.write(
		'account',
		plans.map((p) => accountRow(p, workspaceId, people.ids, o.seed))
	);
	progress('account', plans.length, plans.length);
	let contacts = 0;
	for (const plan of plans) {
		await store.write('contact', contactRows(plan, workspaceId, contacts));
		contacts += plan.contacts.length;
	}
	progress('contact', contacts, contacts);
	const deals = plans.map((p) => dealRow(p, workspaceId, people.ids, window.now)).filter((d) => d !== null);
	await store.write('deal', deals);
	progress('deal', deals.length, deals.length);

	const budget = new ActivityBudget(o.activities, plans, o.heavy);
	const context = { window, userIds: people.ids, product: DEMO_COMPANY.product };
	let written = 0;
	let reported = 0;
	progress('activity', 0, o.activities);
	for (const plan of plans) {
		const rows = buildAccountActivities(plan, context, workspaceId, budget.shareOf(plan));
		budget.spend(plan, rows.length);
		await store.write('activity', rows);
		written += rows.length;
		if (written - reported >= 50_000) {
			progress('activity', written, o.activities);
			reported = written;
		}
	}
	progress('activity', written, o.activities);

	await store.write(
		'note',
		plans.flatMap((p) => noteRows(p, workspaceId, people.ids, o.seed, window.now))
	);
	await store.write(
		'task',
		plans.flatMap((p) => taskRows(p, workspaceId, people.ids, o.seed, window.now))
	);
	await store.flush();
	return {
		workspaceId,
		slug: o.slug,
		users: users.map(({ email, name, role, department }) => ({ email, name, role, department })),
		password: DEMO_PASSWORD,
		created: true
	};
}
