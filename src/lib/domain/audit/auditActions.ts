/**
 * Sensitive actions the audit log records (issue 5, "Privacy and audit"). One list, so the log's
 * filter, the writers and the tests name actions the same way.
 */
export const AUDIT_ACTIONS = [
	'import.run',
	'export.download',
	'record.merge',
	'contact.export',
	'contact.erase',
	'token.create',
	'token.revoke',
	'member.role_change',
	'member.remove',
	'webhook.create',
	'webhook.update',
	'webhook.delete'
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
	'import.run': 'Imported a CSV file',
	'export.download': 'Exported records as CSV',
	'record.merge': 'Merged two records',
	'contact.export': "Exported a contact's personal data",
	'contact.erase': "Erased a contact's personal data",
	'token.create': 'Created an API token',
	'token.revoke': 'Revoked an API token',
	'member.role_change': "Changed a member's role",
	'member.remove': 'Removed a member',
	'webhook.create': 'Added a webhook',
	'webhook.update': 'Changed a webhook',
	'webhook.delete': 'Removed a webhook'
};
