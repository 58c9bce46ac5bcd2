import { randomUUID } from 'node:crypto';
import { Faker, base, en } from '@faker-js/faker';
import { COMPANY_SIZES, type CompanySize, type ContactLifecycle } from '../../domain/crm/vocabulary';
import { INDUSTRIES } from './catalog';
import { SALES_OWNERS, SUCCESS_OWNERS } from './demoCompany';
import { planCustomer, type CustomerPlan } from './planCustomer';
import { planFunnel, type FunnelPlan } from './planFunnel';
import { Quotas, createRandom, deriveSeed, type Random } from '../../domain/random';
import type { DemoWindow } from './time';

export interface ContactPlan {
	id: string;
	firstName: string;
	lastName: string;
	email: string;
	title: string;
	lifecycle: ContactLifecycle;
}

/** Everything decided about one account before any event is written. */
export interface AccountPlan {
	index: number;
	id: string;
	externalId: string;
	name: string;
	domain: string;
	industry: string;
	size: CompanySize;
	salesKey: string;
	successKey: string;
	contacts: ContactPlan[];
	funnel: FunnelPlan;
	dealId: string | null;
	customer: CustomerPlan | null;
	/** Seed of the account's own event stream (see accountActivities). */
	seed: number;
}

/** The heavy account (see PlanOptions.heavyContacts) is always the first one. */
export const HEAVY_ACCOUNT_EXTERNAL_ID = 'ACC-00001';

export interface PlanOptions {
	seed: number;
	accounts: number;
	contactsPerAccount: number;
	/** When set, the first account is a large, loyal enterprise customer with this many extra contacts. */
	heavyContacts?: number;
}

const TITLES = [
	'VP Product',
	'Head of Growth',
	'Product Manager',
	'Senior Data Analyst',
	'CTO',
	'Head of Customer Success',
	'Marketing Operations Manager',
	'Engineering Manager',
	'Director of Analytics',
	'CEO',
	'RevOps Lead'
] as const;

const COMPANY_SUFFIXES = new Set(['inc', 'llc', 'group', 'and', 'sons', 'co']);
const TLDS = ['com', 'com', 'com', 'io', 'co', 'ai', 'net'] as const;

const ascii = (value: string) =>
	value
		.normalize('NFKD')
		.replace(/[^A-Za-z0-9]/g, '')
		.toLowerCase();

/** A normalized domain (lower case, no scheme, no www, no path) made from the company name. */
function domainFor(name: string, random: Random, taken: Set<string>): string {
	const words = name
		.split(/[^A-Za-z]+/)
		.map(ascii)
		.filter((w) => w && !COMPANY_SUFFIXES.has(w));
	const stem = words.slice(0, 2).join('') || 'company';
	let domain = `${stem}.${random.pick(TLDS)}`;
	for (let n = 2; taken.has(domain); n++) domain = `${stem}${n}.${random.pick(TLDS)}`;
	taken.add(domain);
	return domain;
}

function uniqueName(faker: Faker, taken: Set<string>): string {
	let name = faker.company.name();
	for (let n = 2; taken.has(name); n++) name = `${faker.company.name()}${n > 3 ? ` ${n}` : ''}`;
	taken.add(name);
	return name;
}

function contactLifecycle(random: Random, funnel: FunnelPlan, first: boolean): ContactLifecycle {
	switch (funnel.journey) {
		case 'won':
			return 'customer';
		case 'open':
			return first ? 'opportunity' : random.pick(['sql', 'mql', 'lead'] as const);
		case 'lost':
			return random.pick(['sql', 'mql', 'lead'] as const);
		default:
			return random.weighted<ContactLifecycle>([
				['subscriber', 0.3],
				['lead', 0.4],
				['mql', 0.3]
			]);
	}
}

/**
 * Builds the plan of every account: who they are (faker, seeded), their contacts and their
 * story. Contact counts alternate around `contactsPerAccount` so the total stays exact.
 */
export function planAccounts(options: PlanOptions, window: DemoWindow): AccountPlan[] {
	const faker = new Faker({ locale: [en, base], seed: options.seed });
	const random = createRandom(deriveSeed(options.seed, 'accounts'));
	const quotas = new Quotas(createRandom(deriveSeed(options.seed, 'quotas')));
	const names = new Set<string>();
	const domains = new Set<string>();
	const plans: AccountPlan[] = [];
	let swing = 0;
	for (let index = 0; index < options.accounts; index++) {
		const heavy = index === 0 && options.heavyContacts !== undefined;
		const funnel = planFunnel(random, quotas, window, heavy);
		const deal = funnel.deal;
		const customer =
			funnel.journey === 'won' && deal
				? planCustomer(random, quotas, window, deal.closeAt, deal.plan, deal.amount, heavy)
				: null;
		const name = uniqueName(faker, names);
		const domain = domainFor(name, random, domains);
		const size = heavy
			? '1000+'
			: random.pick(deal?.plan === 'enterprise' ? COMPANY_SIZES.slice(3) : COMPANY_SIZES.slice(0, 4));

		swing = index % 2 === 0 ? random.int(0, 2) : -swing;
		let count = Math.max(1, options.contactsPerAccount + swing) + (heavy ? (options.heavyContacts ?? 0) : 0);
		const contacts: ContactPlan[] = [];
		const emails = new Set<string>();
		while (count-- > 0) {
			const firstName = faker.person.firstName();
			const lastName = faker.person.lastName();
			let email = `${ascii(firstName)}.${ascii(lastName)}@${domain}`;
			for (let n = 2; emails.has(email); n++) email = `${ascii(firstName)}.${ascii(lastName)}${n}@${domain}`;
			emails.add(email);
			const lifecycle = contactLifecycle(random, funnel, contacts.length === 0);
			contacts.push({ id: randomUUID(), firstName, lastName, email, title: random.pick(TITLES), lifecycle });
		}

		plans.push({
			index,
			id: randomUUID(),
			externalId: `ACC-${String(index + 1).padStart(5, '0')}`,
			name,
			domain,
			industry: random.pick(INDUSTRIES),
			size,
			salesKey: random.pick(SALES_OWNERS),
			successKey: random.pick(SUCCESS_OWNERS),
			contacts,
			funnel,
			dealId: deal ? randomUUID() : null,
			customer,
			seed: deriveSeed(options.seed, 'account', index)
		});
	}
	return plans;
}
