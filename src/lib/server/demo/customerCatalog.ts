/**
 * What customers write and say: ticket subjects and tone, churn reasons, survey comments, social
 * posts. Only ENTERPRISE_TICKETS mention SSO, audit logs or "enterprise": pattern 4 is found
 * through those words.
 */

export interface TicketTopic {
	subject: string;
	sentiment: 'positive' | 'neutral' | 'negative' | 'angry';
	priority: 'low' | 'normal' | 'high' | 'urgent';
}

export const TICKETS: readonly TicketTopic[] = [
	{ subject: 'How do I share a dashboard with a client?', sentiment: 'neutral', priority: 'low' },
	{ subject: 'Funnel numbers differ from our warehouse', sentiment: 'negative', priority: 'high' },
	{ subject: 'CSV export times out on large cohorts', sentiment: 'negative', priority: 'normal' },
	{ subject: 'Event ingestion delayed by several hours', sentiment: 'angry', priority: 'urgent' },
	{ subject: 'Thanks for the quick fix on alerts!', sentiment: 'positive', priority: 'low' },
	{ subject: 'Invoice address needs updating', sentiment: 'neutral', priority: 'low' },
	{ subject: 'Slack alerts stopped posting', sentiment: 'negative', priority: 'high' },
	{ subject: 'Question about API rate limits', sentiment: 'neutral', priority: 'normal' },
	{ subject: 'Dashboard loads slowly since last week', sentiment: 'negative', priority: 'normal' },
	{ subject: 'Third outage this month, we are evaluating alternatives', sentiment: 'angry', priority: 'urgent' },
	{ subject: 'Love the new retention view', sentiment: 'positive', priority: 'low' },
	{ subject: 'Cannot invite a new teammate', sentiment: 'neutral', priority: 'normal' }
];

/** Questions about enterprise features: the upsell signal of pattern 4. */
export const ENTERPRISE_TICKETS: readonly TicketTopic[] = [
	{ subject: 'Do you support SAML SSO with Okta?', sentiment: 'neutral', priority: 'normal' },
	{ subject: 'Need an audit log export for our SOC 2 review', sentiment: 'neutral', priority: 'high' },
	{
		subject: 'Questions about the Enterprise plan: data residency in the EU',
		sentiment: 'positive',
		priority: 'normal'
	},
	{ subject: 'SSO and SCIM provisioning for 200 seats', sentiment: 'neutral', priority: 'high' },
	{ subject: 'Audit log retention for compliance', sentiment: 'neutral', priority: 'normal' }
];

export const CHURN_REASONS = [
	'Moved to an in-house warehouse setup',
	'Budget cut after reorganisation',
	'Champion left the company',
	'Chose a competitor with bundled CRM',
	'Low adoption after onboarding',
	'Too many data discrepancies'
] as const;

export const SOCIAL_MENTIONS = {
	positive: [
		'Lumetric alerts caught a signup drop before we did',
		'Our weekly metrics review got so much faster with Lumetric'
	],
	neutral: [
		'Anyone compared Lumetric with a warehouse-native setup?',
		'Evaluating product analytics tools this quarter'
	],
	negative: ['Lumetric dashboards have been slow all week', 'Still waiting on support about our export issue']
} as const;

export const SOCIAL_CHANNELS = ['linkedin', 'x', 'g2', 'reddit'] as const;

export const NPS_COMMENTS = {
	promoter: ['Our team lives in the dashboards', 'Support is fast and knows the product'],
	passive: ['Good product, onboarding could be smoother', 'Does what we need'],
	detractor: ['Too many data discrepancies lately', 'Hard to get the rest of the team to use it']
} as const;
