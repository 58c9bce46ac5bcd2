import { describe, expect, it } from 'vitest';
import { duplicateKeys, rowValidator, validateRow } from './validateRow';
import { checkPlan, type ImportPlan } from './plan';
import { mapColumns } from './presets';

const contactsPlan = (headers: string[], extra: Partial<ImportPlan> = {}): ImportPlan => ({
	entity: 'contacts',
	headers,
	mapping: mapColumns(headers, 'contacts', 'hubspot'),
	dateFormats: {},
	valueMaps: {},
	...extra
});

const headers = ['Record ID', 'First Name', 'Last Name', 'Email', 'Company Name', 'Lifecycle Stage'];

describe('validateRow', () => {
	it('turns a HubSpot contact row into a normalized record', () => {
		const result = validateRow(['501', ' Ann ', 'Lee', 'Ann.Lee@ACME.com ', 'Acme', 'marketingqualifiedlead'], contactsPlan(headers));
		expect(result).toEqual({
			ok: true,
			record: {
				externalId: '501',
				firstName: 'Ann',
				lastName: 'Lee',
				email: 'ann.lee@acme.com',
				title: null,
				lifecycle: 'mql',
				account: { externalId: null, domain: null, name: 'Acme' }
			}
		});
	});

	it('names the column and the reason for every bad cell', () => {
		const result = validateRow(['502', '', 'Lee', 'ann@', '', 'promoter'], contactsPlan(headers));
		expect(result).toEqual({
			ok: false,
			issues: [
				{ column: 'First Name', reason: 'is empty; every contact needs first name' },
				{ column: 'Email', reason: '"ann@" is not an email address (expected name@company.com)' },
				{ column: 'Lifecycle Stage', reason: expect.stringContaining('"promoter" is not a lifecycle stage we know') }
			]
		});
	});

	it('applies the value map the admin chose', () => {
		const plan = contactsPlan(headers, { valueMaps: { lifecycle: { promoter: 'customer' } } });
		const result = validateRow(['502', 'Bo', '', 'bo@acme.com', '', 'promoter'], plan);
		expect(result.ok && result.record).toMatchObject({ lifecycle: 'customer' });
	});

	it('reads deals with day-first dates and money, and checks the dates make sense', () => {
		const dealHeaders = ['Id', 'AccountId', 'Name', 'StageName', 'Amount', 'CloseDate', 'CreatedDate'];
		const plan: ImportPlan = {
			entity: 'deals',
			headers: dealHeaders,
			mapping: mapColumns(dealHeaders, 'deals', 'salesforce'),
			dateFormats: { closeOn: 'dmy', openedOn: 'dmy' },
			valueMaps: {}
		};
		expect(validateRow(['006A', '001A', 'Renewal', 'Closed Won', '$12,500.00', '31/3/2026', '1/2/2026'], plan)).toEqual({
			ok: true,
			record: {
				externalId: '006A',
				name: 'Renewal',
				stage: 'closed_won',
				amount: 12500,
				openedOn: '2026-02-01',
				closeOn: '2026-03-31',
				account: { externalId: '001A', domain: null, name: null }
			}
		});
		const bad = validateRow(['006B', '', 'Upsell', 'Prospecting', 'ten', '1/1/2026', '2/2/2026'], plan);
		expect(bad).toEqual({
			ok: false,
			issues: [{ column: 'Amount', reason: '"ten" is not a number; write it like 12000 or 12,000.50' }]
		});
		expect(validateRow(['006B', '', 'Upsell', 'Prospecting', '', '', ''], plan)).toEqual({
			ok: false,
			issues: [{ column: 'AccountId', reason: 'is empty; every deal belongs to an account' }]
		});
		expect(validateRow(['006D', '', 'Upsell', 'Prospecting', '', '1/1/2026', '2/2/2026'], plan)).toEqual({
			ok: false,
			issues: [
				{ column: 'AccountId', reason: 'is empty; every deal belongs to an account' },
				{ column: 'CloseDate', reason: '2026-01-01 is before the date the deal opened (2026-02-02)' }
			]
		});
		expect(validateRow(['006C', '001A', 'Upsell', 'Prospecting', '', '1/1/2026', '2/2/2026'], plan)).toMatchObject({
			ok: false,
			issues: [{ column: 'CloseDate', reason: '2026-01-01 is before the date the deal opened (2026-02-02)' }]
		});
	});

	it('reads every row of a file alike when one validator reads them all (a cell seen before, good or bad, reads the same)', () => {
		const plan = contactsPlan([...headers, 'Company Domain Name']);
		const rows = [
			['1', 'Ann', 'Lee', 'ann@acme.com', '', 'lead', 'https://www.Acme.com/'],
			['2', 'Bo', '', 'bo@acme.com', '', 'promoter', 'acme.com'],
			['3', '', 'Kim', 'bo@', '', 'Lead', 'not a domain'],
			['4', 'Cy', '', '', '', 'promoter', 'https://www.Acme.com/'],
			['5', 'Di', '', '', '', 'lead', 'not a domain']
		];
		const validate = rowValidator(plan);
		for (let pass = 0; pass < 2; pass++) for (const row of rows) expect(validate(row)).toEqual(validateRow(row, plan));
		expect(validate(rows[3])).toEqual({ ok: false, issues: [{ column: 'Lifecycle Stage', reason: expect.stringContaining('"promoter" is not a lifecycle stage') }] });
		expect(validate(rows[0])).toMatchObject({ ok: true, record: { lifecycle: 'lead', account: { domain: 'acme.com' } } });
	});

	it('gives the keys that find duplicates inside a file', () => {
		const result = validateRow(['501', 'Ann', 'Lee', 'ann@acme.com', '', ''], contactsPlan(headers));
		expect(result.ok && duplicateKeys('contacts', result.record).map((k) => k.key)).toEqual(['x:501', 'e:ann@acme.com']);
	});
});

describe('checkPlan', () => {
	it('asks for required columns and a parent account', () => {
		const plan: ImportPlan = { entity: 'deals', headers: ['Title'], mapping: { name: 0 }, dateFormats: {}, valueMaps: {} };
		expect(checkPlan(plan)).toEqual([
			'Choose the column that holds stage: it is required.',
			'Choose a column that names the account (its external id, domain or name): every row needs one.'
		]);
	});

	it('refuses one column for two fields', () => {
		const plan: ImportPlan = { entity: 'contacts', headers: ['Name', 'Mail'], mapping: { firstName: 0, lastName: 0 }, dateFormats: {}, valueMaps: {} };
		expect(checkPlan(plan)).toEqual(['Column "Name" is mapped to First name and Last name; map it to one field.']);
	});
});
