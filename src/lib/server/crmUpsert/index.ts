/** The upsert core shared by the CSV import and the REST API: set-based batches, matched by external id, then natural keys. */
export { upsertAccounts } from './upsertAccounts';
export { upsertContacts } from './upsertContacts';
export { upsertDeals } from './upsertDeals';
export { upsertActivities } from './upsertActivities';
export { resolveAccountRefs } from './resolveAccounts';
export { countOutcomes, type UpsertCounts, type UpsertOutcome } from './outcome';
