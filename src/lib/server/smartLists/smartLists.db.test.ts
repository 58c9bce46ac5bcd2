/**
 * Smart lists against a real database: members are the accounts passing the filters and firing the
 * rule now; a daily snapshot per list; who entered and left since a date; and no list or account
 * ever crosses from one workspace to another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from '../../../../tests/factories';
import type { Database, OpenDatabase } from '../db/index';
import { smartListSnapshot } from '../db/schema';
import { saveSmartList } from '../commands/saveSmartList';
import { deleteSmartList, getSmartList } from './smartLists';
import { liveMembers } from './liveMembers';
import { listSnapshotSizes, membershipChanges } from './snapshots';
import { snapshotDueSmartLists } from './snapshotSchedule';

const DAY = 86_400_000;
const T0 = new Date('2026-06-01T12:00:00Z');
const daysAfter = (d: number) => new Date(T0.getTime() + d * DAY);

/** Customers who have not logged in for 21 days, on the pro or enterprise plan. */
const SILENT = { name: 'Silent paying customers', rule: 'no(product_login) for 21d', filters: { lifecycle: ['customer'], plan: ['pro', 'enterprise'] } };

describe.each(testDatabases())('smart lists ($name)', ({ open }) => {
	let opened: OpenDatabase;
	let db: Database;
	beforeAll(async () => {
		opened = await open();
		db = opened.db;
	});
	afterAll(async () => opened?.close());

	async function workspaceWithCustomers() {
		const ws = (await makeWorkspace(db)).id;
		const owner = await makeUser(db, { workspaceId: ws });
		const at = (d: number) => daysAfter(d);
		// Logged in 30 days before T0: silent for 21 days since 9 days before T0.
		const quiet = await makeAccount(db, ws, { name: 'Quiet Co', lifecycle: 'customer', plan: 'pro', ownerId: owner.id });
		await makeActivities(db, ws, quiet.id, [{ type: 'product_login', at: at(-30) }]);
		// Logged in 2 days before T0: goes silent 19 days after T0.
		const busy = await makeAccount(db, ws, { name: 'Busy Inc', lifecycle: 'customer', plan: 'enterprise' });
		await makeActivities(db, ws, busy.id, [{ type: 'product_login', at: at(-40) }, { type: 'product_login', at: at(-2) }]);
		// Silent, but on the starter plan: the filter leaves it out.
		const starter = await makeAccount(db, ws, { name: 'Starter Ltd', lifecycle: 'customer', plan: 'starter' });
		await makeActivities(db, ws, starter.id, [{ type: 'product_login', at: at(-60) }]);
		// Silent, but a lead.
		const lead = await makeAccount(db, ws, { name: 'Lead Labs', lifecycle: 'lead', plan: 'pro' });
		await makeActivities(db, ws, lead.id, [{ type: 'product_login', at: at(-60) }]);
		return { ws, owner, quiet, busy, starter, lead };
	}

	it('members pass every filter and fire the rule now; the list is created with a first snapshot', async () => {
		const { ws, owner, quiet, busy } = await workspaceWithCustomers();
		const saved = await saveSmartList(db, ws, owner.id, SILENT, { now: T0 });
		expect(saved).toMatchObject({ ok: true, members: 1 });
		if (!saved.ok) return;
		const list = (await getSmartList(db, ws, saved.id))!;
		expect(await liveMembers(db, list, T0)).toEqual([quiet.id]);
		expect(await liveMembers(db, list, daysAfter(20))).toEqual([quiet.id, busy.id].sort());
		expect(await listSnapshotSizes(db, ws, saved.id)).toEqual([{ day: '2026-06-01', memberCount: 1 }]);

		// Filters alone, with an owner and industry (any case).
		const owned = await saveSmartList(db, ws, owner.id, { name: 'Mine', filters: { ownerId: owner.id } }, { now: T0 });
		expect(owned).toMatchObject({ ok: true, members: 1 });
	});

	it('refuses a name used twice, an owner from elsewhere, and an unreadable rule, with field messages', async () => {
		const { ws, owner } = await workspaceWithCustomers();
		await saveSmartList(db, ws, owner.id, SILENT, { now: T0 });
		expect(await saveSmartList(db, ws, owner.id, { ...SILENT, name: 'silent PAYING customers' }, { now: T0 })).toMatchObject({ ok: false, errors: { name: expect.stringContaining('already a list named') } });
		const stranger = await makeUser(db, { workspaceId: (await makeWorkspace(db)).id });
		expect(await saveSmartList(db, ws, owner.id, { name: 'Theirs', filters: { ownerId: stranger.id } }, { now: T0 })).toMatchObject({ ok: false, errors: { 'filters.ownerId': expect.any(String) } });
		expect(await saveSmartList(db, ws, owner.id, { name: 'Bad', rule: 'count(pricing_visit) >=' }, { now: T0 })).toMatchObject({ ok: false, errors: { rule: expect.stringMatching(/^The rule could not be read\. Line 1/) } });
	});

	it('takes one snapshot per list per day, and shows who entered and left since a date', async () => {
		const { ws, owner, quiet, busy } = await workspaceWithCustomers();
		const saved = await saveSmartList(db, ws, owner.id, SILENT, { now: T0 });
		if (!saved.ok) throw new Error('not saved');
		// The same day: the list already has its point.
		expect(await snapshotDueSmartLists(db, daysAfter(0.2))).toBe(0);
		// Day 20: Busy Inc went silent; Quiet Co logs in again on day 21 and leaves.
		expect(await snapshotDueSmartLists(db, daysAfter(20))).toBeGreaterThanOrEqual(1);
		expect(await snapshotDueSmartLists(db, daysAfter(20.1))).toBe(0);
		await makeActivities(db, ws, quiet.id, [{ type: 'product_login', at: daysAfter(21) }]);
		const now = daysAfter(22);
		await snapshotDueSmartLists(db, now);
		expect(await listSnapshotSizes(db, ws, saved.id)).toEqual([
			{ day: '2026-06-01', memberCount: 1 },
			{ day: '2026-06-21', memberCount: 2 },
			{ day: '2026-06-23', memberCount: 1 }
		]);
		const list = (await getSmartList(db, ws, saved.id))!;
		const members = await liveMembers(db, list, now);
		expect(members).toEqual([busy.id]);

		const sinceStart = await membershipChanges(db, ws, saved.id, '2026-06-05', members);
		expect(sinceStart.baseline).toEqual({ day: '2026-06-01', exact: true });
		expect(sinceStart.entered.map((a) => a.name)).toEqual(['Busy Inc']);
		expect(sinceStart.left.map((a) => [a.name, a.ownerName, a.lifecycle])).toEqual([['Quiet Co', owner.name, 'customer']]);

		const sinceDay20 = await membershipChanges(db, ws, saved.id, '2026-06-21', members);
		expect(sinceDay20).toMatchObject({ baseline: { day: '2026-06-21', exact: true }, entered: [], left: [{ id: quiet.id }] });

		// Before the list existed: its first snapshot is the baseline, marked as such.
		expect((await membershipChanges(db, ws, saved.id, '2026-01-01', members)).baseline).toEqual({ day: '2026-06-01', exact: false });
	});

	it('editing a list replaces the day’s snapshot; deleting it removes its history', async () => {
		const { ws, owner } = await workspaceWithCustomers();
		const saved = await saveSmartList(db, ws, owner.id, SILENT, { now: T0 });
		if (!saved.ok) throw new Error('not saved');
		const edited = await saveSmartList(db, ws, owner.id, { ...SILENT, filters: { lifecycle: ['customer'] } }, { id: saved.id, now: daysAfter(0.1) });
		expect(edited).toMatchObject({ ok: true, id: saved.id, members: 2 });
		expect(await listSnapshotSizes(db, ws, saved.id)).toEqual([{ day: '2026-06-01', memberCount: 2 }]);
		expect(await deleteSmartList(db, ws, saved.id)).toBe(true);
		expect(await db.select().from(smartListSnapshot).where(eq(smartListSnapshot.listId, saved.id))).toEqual([]);
	});

	it('never crosses workspaces: a foreign list id is missing, and no foreign account is ever a member', async () => {
		const mine = await workspaceWithCustomers();
		const theirs = await workspaceWithCustomers();
		const saved = await saveSmartList(db, theirs.ws, theirs.owner.id, SILENT, { now: T0 });
		if (!saved.ok) throw new Error('not saved');
		expect(await getSmartList(db, mine.ws, saved.id)).toBeNull();
		expect(await getSmartList(db, mine.ws, 'not-a-uuid')).toBeNull();
		expect(await deleteSmartList(db, mine.ws, saved.id)).toBe(false);
		expect(await saveSmartList(db, mine.ws, mine.owner.id, { ...SILENT, name: 'Hijack' }, { id: saved.id, now: T0 })).toMatchObject({ ok: false, errors: { form: expect.any(String) } });
		expect(await membershipChanges(db, mine.ws, saved.id, '2026-06-01', [])).toMatchObject({ baseline: null });

		const own = await saveSmartList(db, mine.ws, mine.owner.id, SILENT, { now: T0 });
		if (!own.ok) throw new Error('not saved');
		const list = (await getSmartList(db, mine.ws, own.id))!;
		const members = await liveMembers(db, list, daysAfter(20));
		expect(members).toEqual([mine.quiet.id, mine.busy.id].sort());
		// A foreign account id smuggled into "now" is never shown.
		const changes = await membershipChanges(db, mine.ws, own.id, '2026-06-01', [...members, theirs.quiet.id]);
		expect(changes.entered.map((a) => a.id)).toEqual([mine.busy.id]);
		const snapshots = await db.select().from(smartListSnapshot).where(and(eq(smartListSnapshot.workspaceId, mine.ws)));
		expect(snapshots.flatMap((s) => s.memberIds)).not.toContain(theirs.quiet.id);
	});
});
