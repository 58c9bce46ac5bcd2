import { describe, expect, it } from 'vitest';
import { detectPreset, mapColumns } from './presets';

const hubspotContacts = ['\ufeffRecord ID', 'First Name', 'Last Name', 'Email', 'Company Name', 'Lifecycle Stage', 'Create Date', 'Phone Number', ''];
const salesforceContacts = ['Id', 'AccountId', 'FirstName', 'LastName', 'Email', 'Title', 'CreatedDate'];
const salesforceDeals = ['Id', 'AccountId', 'Name', 'StageName', 'Amount', 'CloseDate', 'CreatedDate', 'IsWon'];
const pipedriveDeals = ['Deal - ID', 'Deal - Title', 'Deal - Value', 'Deal - Stage', 'Deal - Organization', 'Deal - Expected close date'];

describe('detectPreset', () => {
	it('recognizes each CRM from its column names', () => {
		expect(detectPreset(hubspotContacts, 'contacts')).toBe('hubspot');
		expect(detectPreset(salesforceContacts, 'contacts')).toBe('salesforce');
		expect(detectPreset(salesforceDeals, 'deals')).toBe('salesforce');
		expect(detectPreset(pipedriveDeals, 'deals')).toBe('pipedrive');
		expect(detectPreset(['HubSpot Deal Stage', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date'], 'deals')).toBe('hubspot');
	});

	it('falls back to generic when only everyday names are there', () => {
		expect(detectPreset(['name', 'email', 'company'], 'contacts')).toBe('generic');
		expect(detectPreset(['Name', 'Email'], 'contacts')).toBe('generic');
	});
});

describe('mapColumns', () => {
	it("maps HubSpot's contact export, ignoring the BOM and case", () => {
		expect(mapColumns(hubspotContacts, 'contacts', 'hubspot')).toMatchObject({
			externalId: 0,
			firstName: 1,
			lastName: 2,
			email: 3,
			accountName: 4,
			lifecycle: 5,
			title: -1,
			accountDomain: -1
		});
	});

	it("maps Salesforce's API names", () => {
		expect(mapColumns(salesforceDeals, 'deals', 'salesforce')).toMatchObject({
			externalId: 0,
			accountExternalId: 1,
			name: 2,
			stage: 3,
			amount: 4,
			closeOn: 5,
			openedOn: 6
		});
	});

	it('uses each column once in the generic preset', () => {
		const mapping = mapColumns(['id', 'name', 'domain', 'stage'], 'accounts', 'generic');
		expect(mapping).toMatchObject({ externalId: 0, name: 1, domain: 2, lifecycle: 3 });
		const contacts = mapColumns(['First name', 'Last name', 'E-mail', 'Company', 'Domain'], 'contacts', 'generic');
		expect(contacts).toMatchObject({ firstName: 0, lastName: 1, email: 2, accountName: 3, accountDomain: 4 });
	});
});
