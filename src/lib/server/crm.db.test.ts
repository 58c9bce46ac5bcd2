import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../tests/databases';
import { makeAccount, makeUser, makeWorkspace } from '../../../tests/factories';
import type { OpenDatabase } from './db/index';
import { createAccount, getAccount, listAccounts, updateAccount } from './accounts';
import { createContact, getContact, listContacts } from './contacts';
import { createDeal, getDeal, listPipeline, updateDeal } from './deals';
import { addNote, listAccountNotes, updateNote } from './notes';
import { addTask, getTask, listOpenAccountTasks, listTasks, setTaskStatus, updateTask } from './tasks';
import { InvalidReferenceError } from './references';
import type { AccountInput } from '../domain/crm/inputs';

const accountInput = (fields: Partial<AccountInput> = {}): AccountInput => ({
	name: 'Acme',
	domain: null,
	industry: null,
	size: null,
	ownerId: null,
	lifecycle: 'lead',
	plan: null,
	arr: 0,
	externalId: null,
	...fields
});

describe.each(testDatabases())('CRM store on $name', ({ open }) => {
	let store: OpenDatabase;
	let ws: string;
	let other: string;
	beforeAll(async () => {
		store = await open();
		ws = (await makeWorkspace(store.db)).id;
		other = (await makeWorkspace(store.db)).id;
	});
	afterAll(() => store.close());

	it('searches accounts by name or domain, filters by stage and owner, sorts and paginates', async () => {
		const w = (await makeWorkspace(store.db)).id;
		const owner = await makeUser(store.db, { workspaceId: w });
		await createAccount(store.db, w, accountInput({ name: 'Zephyr Labs', domain: 'zephyr.io', lifecycle: 'customer', arr: 50000, ownerId: owner.id }));
		await createAccount(store.db, w, accountInput({ name: 'Apex 100% Co', domain: 'apex.com', lifecycle: 'customer', arr: 90000 }));
		await createAccount(store.db, w, accountInput({ name: 'Mono', domain: 'zephyr-mono.dev', lifecycle: 'lead' }));
		await makeAccount(store.db, other, { name: 'Zephyr Elsewhere' });

		expect((await listAccounts(store.db, w, { q: 'zephyr' })).rows.map((r) => r.name)).toEqual(['Mono', 'Zephyr Labs']);
		expect((await listAccounts(store.db, w, { q: '100%' })).rows.map((r) => r.name)).toEqual(['Apex 100% Co']);
		expect((await listAccounts(store.db, w, { q: '%' })).total).toBe(1);
		expect((await listAccounts(store.db, w, { lifecycle: 'customer', sort: 'arr' })).rows.map((r) => r.name)).toEqual(['Apex 100% Co', 'Zephyr Labs']);
		expect((await listAccounts(store.db, w, { ownerId: owner.id })).rows.map((r) => r.ownerName)).toEqual([owner.name]);
		const page2 = await listAccounts(store.db, w, { pageSize: 2, page: 2 });
		expect(page2).toMatchObject({ total: 3, page: 2 });
		expect(page2.rows.map((r) => r.name)).toEqual(['Zephyr Labs']);
		expect((await listAccounts(store.db, w, { pageSize: 2, page: 99 })).page).toBe(2);
	});

	it('never reads or changes another workspace’s records', async () => {
		const theirs = await makeAccount(store.db, other, { name: 'Theirs' });
		expect(await getAccount(store.db, ws, theirs.id)).toBeNull();
		expect(await updateAccount(store.db, ws, theirs.id, accountInput({ name: 'Hijacked' }))).toBe(false);
		expect((await getAccount(store.db, other, theirs.id))?.name).toBe('Theirs');
		expect((await listAccounts(store.db, ws, { q: 'Theirs' })).total).toBe(0);
		const theirContact = await createContact(store.db, other, { firstName: 'T', lastName: '', email: null, title: null, accountId: theirs.id, lifecycle: 'lead', externalId: null });
		expect(await getContact(store.db, ws, theirContact)).toBeNull();
		expect((await listContacts(store.db, ws, {})).rows.find((c) => c.id === theirContact)).toBeUndefined();
	});

	it('refuses to link records to another workspace’s account, contact, deal or user', async () => {
		const theirs = await makeAccount(store.db, other);
		const outsider = await makeUser(store.db, { workspaceId: other });
		const mine = await makeAccount(store.db, ws);
		await expect(
			createContact(store.db, ws, { firstName: 'X', lastName: '', email: null, title: null, accountId: theirs.id, lifecycle: 'lead', externalId: null })
		).rejects.toMatchObject({ field: 'accountId' });
		await expect(createAccount(store.db, ws, accountInput({ ownerId: outsider.id }))).rejects.toBeInstanceOf(InvalidReferenceError);
		const deal = { name: 'D', accountId: theirs.id, stage: 'discovery' as const, amount: 1, ownerId: null, openedOn: '2026-01-01', closeOn: null, externalId: null };
		await expect(createDeal(store.db, ws, deal)).rejects.toMatchObject({ field: 'accountId' });
		const theirDeal = await createDeal(store.db, other, deal);
		await expect(addNote(store.db, ws, mine.id, outsider.id, { body: 'x', contactId: null, dealId: theirDeal })).rejects.toMatchObject({ field: 'dealId' });
		await expect(addTask(store.db, ws, mine.id, outsider.id, { title: 't', ownerId: outsider.id, dueOn: null, contactId: null, dealId: null })).rejects.toMatchObject({ field: 'ownerId' });
		expect(await updateDeal(store.db, ws, theirDeal, { ...deal, accountId: mine.id })).toBe(false);
	});

	it('keeps a deal’s outcome in step with its stage and shows it on the board', async () => {
		const w = (await makeWorkspace(store.db)).id;
		const a = await makeAccount(store.db, w);
		const base = { name: 'Pilot', accountId: a.id, amount: 12000, ownerId: null, openedOn: '2026-01-01', closeOn: '2026-02-01', externalId: null };
		const id = await createDeal(store.db, w, { ...base, stage: 'proposal' });
		expect((await getDeal(store.db, w, id))?.outcome).toBe('open');
		await updateDeal(store.db, w, id, { ...base, stage: 'closed_won' });
		expect((await getDeal(store.db, w, id))?.outcome).toBe('won');
		const board = await listPipeline(store.db, w, { today: new Date('2026-02-10T00:00:00Z') });
		expect(board.map((c) => c.stage)).toEqual(['discovery', 'qualification', 'proposal', 'negotiation', 'closed_won', 'closed_lost']);
		expect(board.find((c) => c.stage === 'closed_won')).toMatchObject({ count: 1, total: 12000 });
		const later = await listPipeline(store.db, w, { today: new Date('2026-09-01T00:00:00Z') });
		expect(later.find((c) => c.stage === 'closed_won')?.count).toBe(0);
	});

	it('adds notes and tasks to an account and completes tasks', async () => {
		const me = await makeUser(store.db, { workspaceId: ws });
		const a = await makeAccount(store.db, ws);
		await addNote(store.db, ws, a.id, me.id, { body: 'Asked about SSO', contactId: null, dealId: null });
		expect((await listAccountNotes(store.db, ws, a.id)).map((n) => [n.body, n.authorName])).toEqual([['Asked about SSO', me.name]]);
		const taskId = await addTask(store.db, ws, a.id, me.id, { title: 'Send SSO docs', ownerId: me.id, dueOn: '2026-03-01', contactId: null, dealId: null });
		expect((await listOpenAccountTasks(store.db, ws, a.id)).map((t) => t.title)).toEqual(['Send SSO docs']);
		expect(await setTaskStatus(store.db, other, taskId, 'done')).toBe(false);
		expect(await setTaskStatus(store.db, ws, taskId, 'done')).toBe(true);
		expect(await listOpenAccountTasks(store.db, ws, a.id)).toEqual([]);
	});

	it('lets only a note’s author (or an admin) edit it, and tells a missing note from someone else’s', async () => {
		const author = await makeUser(store.db, { workspaceId: ws });
		const colleague = await makeUser(store.db, { workspaceId: ws });
		const a = await makeAccount(store.db, ws);
		const b = await makeAccount(store.db, ws);
		const id = await addNote(store.db, ws, a.id, author.id, { body: 'first', contactId: null, dealId: null });
		expect(await updateNote(store.db, ws, a.id, id, 'changed by colleague', { userId: colleague.id, anyAuthor: false })).toBe('not-author');
		expect(await updateNote(store.db, other, a.id, id, 'changed elsewhere', { userId: author.id, anyAuthor: true })).toBe('missing');
		expect(await updateNote(store.db, ws, b.id, id, 'through another account', { userId: author.id, anyAuthor: true })).toBe('missing');
		expect(await updateNote(store.db, ws, a.id, crypto.randomUUID(), 'gone', { userId: author.id, anyAuthor: true })).toBe('missing');
		expect(await updateNote(store.db, ws, a.id, id, 'second', { userId: author.id, anyAuthor: false })).toBe('updated');
		expect(await updateNote(store.db, ws, a.id, id, 'third', { userId: colleague.id, anyAuthor: true })).toBe('updated');
		expect((await listAccountNotes(store.db, ws, a.id))[0].body).toBe('third');
	});

	it('edits a task and lists tasks by owner and status', async () => {
		const me = await makeUser(store.db, { workspaceId: ws });
		const a = await makeAccount(store.db, ws);
		const id = await addTask(store.db, ws, a.id, me.id, { title: 'Call back', ownerId: null, dueOn: null, contactId: null, dealId: null });
		expect(await listTasks(store.db, ws, { ownerId: me.id })).toEqual([]);
		await updateTask(store.db, ws, id, { title: 'Call back about SSO', ownerId: me.id, dueOn: '2026-05-01', contactId: null, dealId: null, status: 'open' });
		expect((await listTasks(store.db, ws, { ownerId: me.id, status: 'open' })).map((t) => [t.title, t.dueOn])).toEqual([['Call back about SSO', '2026-05-01']]);
		await updateTask(store.db, ws, id, { title: 'Call back about SSO', ownerId: me.id, dueOn: '2026-05-01', contactId: null, dealId: null, status: 'done' });
		expect(await listTasks(store.db, ws, { ownerId: me.id, status: 'open' })).toEqual([]);
		expect((await getTask(store.db, ws, id))?.status).toBe('done');
		expect(await getTask(store.db, other, id)).toBeNull();
	});
});
