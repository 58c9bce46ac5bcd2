import type { Department } from './vocabulary';

/** Every kind of event a customer timeline can hold. */
export const ACTIVITY_TYPES = [
	'email_sent',
	'email_opened',
	'email_clicked',
	'email_replied',
	'web_visit',
	'pricing_visit',
	'form_submitted',
	'webinar_attended',
	'demo_requested',
	'meeting_held',
	'call_logged',
	'proposal_viewed',
	'ticket_opened',
	'ticket_closed',
	'product_login',
	'feature_used',
	'plan_upgraded',
	'plan_downgraded',
	'renewal',
	'churned',
	'purchase',
	'survey_answered',
	'social_mention'
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

interface ActivityTypeInfo {
	label: string;
	/** The department that usually owns this kind of touchpoint. */
	department: Department;
}

export const ACTIVITY_TYPE_INFO: Record<ActivityType, ActivityTypeInfo> = {
	email_sent: { label: 'Email sent', department: 'marketing' },
	email_opened: { label: 'Email opened', department: 'marketing' },
	email_clicked: { label: 'Email clicked', department: 'marketing' },
	email_replied: { label: 'Email replied', department: 'sales' },
	web_visit: { label: 'Web visit', department: 'marketing' },
	pricing_visit: { label: 'Pricing page visit', department: 'marketing' },
	form_submitted: { label: 'Form submitted', department: 'marketing' },
	webinar_attended: { label: 'Webinar attended', department: 'marketing' },
	demo_requested: { label: 'Demo requested', department: 'sales' },
	meeting_held: { label: 'Meeting held', department: 'sales' },
	call_logged: { label: 'Call logged', department: 'sales' },
	proposal_viewed: { label: 'Proposal viewed', department: 'sales' },
	ticket_opened: { label: 'Support ticket opened', department: 'support' },
	ticket_closed: { label: 'Support ticket closed', department: 'support' },
	product_login: { label: 'Product login', department: 'product' },
	feature_used: { label: 'Feature used', department: 'product' },
	plan_upgraded: { label: 'Plan upgraded', department: 'success' },
	plan_downgraded: { label: 'Plan downgraded', department: 'success' },
	renewal: { label: 'Renewal', department: 'success' },
	churned: { label: 'Churned', department: 'success' },
	purchase: { label: 'Purchase', department: 'sales' },
	survey_answered: { label: 'Survey answered', department: 'success' },
	social_mention: { label: 'Social mention', department: 'marketing' }
};

export function isActivityType(value: string): value is ActivityType {
	return (ACTIVITY_TYPES as readonly string[]).includes(value);
}
