/** The fixed vocabularies of the CRM store, shared by schema, validation and UI. */

export const ROLES = ['owner', 'admin', 'facilitator', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const DEPARTMENTS = ['sales', 'marketing', 'success', 'support', 'product', 'revops'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const DEPARTMENT_LABELS: Record<Department, string> = {
	sales: 'Sales',
	marketing: 'Marketing',
	success: 'Customer success',
	support: 'Support',
	product: 'Product',
	revops: 'RevOps'
};

export const ACCOUNT_LIFECYCLES = ['lead', 'prospect', 'customer', 'churned'] as const;
export type AccountLifecycle = (typeof ACCOUNT_LIFECYCLES)[number];

export const ACCOUNT_LIFECYCLE_LABELS: Record<AccountLifecycle, string> = {
	lead: 'Lead',
	prospect: 'Prospect',
	customer: 'Customer',
	churned: 'Churned'
};

export const CONTACT_LIFECYCLES = ['subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer'] as const;
export type ContactLifecycle = (typeof CONTACT_LIFECYCLES)[number];

export const CONTACT_LIFECYCLE_LABELS: Record<ContactLifecycle, string> = {
	subscriber: 'Subscriber',
	lead: 'Lead',
	mql: 'MQL',
	sql: 'SQL',
	opportunity: 'Opportunity',
	customer: 'Customer'
};

export const PLANS = ['free', 'starter', 'pro', 'enterprise'] as const;
export type Plan = (typeof PLANS)[number];

export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1000+'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

export const DEAL_STAGES = [
	'discovery',
	'qualification',
	'proposal',
	'negotiation',
	'closed_won',
	'closed_lost'
] as const;
export type DealStage = (typeof DEAL_STAGES)[number];

export const DEAL_STAGE_LABELS: Record<DealStage, string> = {
	discovery: 'Discovery',
	qualification: 'Qualification',
	proposal: 'Proposal',
	negotiation: 'Negotiation',
	closed_won: 'Closed won',
	closed_lost: 'Closed lost'
};

export const DEAL_OUTCOMES = ['open', 'won', 'lost'] as const;
export type DealOutcome = (typeof DEAL_OUTCOMES)[number];

/** A deal's outcome follows from its stage; stored too so reports can filter on it directly. */
export function outcomeForStage(stage: DealStage): DealOutcome {
	if (stage === 'closed_won') return 'won';
	if (stage === 'closed_lost') return 'lost';
	return 'open';
}

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export function titleCase(value: string): string {
	return value.charAt(0).toUpperCase() + value.slice(1).replaceAll('_', ' ');
}
