/**
 * What the demo's buying-side events talk about: pages, campaigns, webinars, features, meetings.
 * Only DEMO_CAMPAIGNS carry "demo" in their campaign name: pattern 1 is found through that word.
 */

export const INDUSTRIES = [
	'Software',
	'Fintech',
	'E-commerce',
	'Healthcare',
	'Logistics',
	'Education',
	'Media',
	'Travel',
	'Manufacturing',
	'Professional services'
] as const;

export const WEB_PAGES = [
	'/',
	'/product',
	'/product/dashboards',
	'/product/funnels',
	'/product/retention',
	'/integrations',
	'/customers',
	'/security',
	'/blog/activation-metrics',
	'/blog/north-star-metric',
	'/blog/churn-cohorts',
	'/docs/getting-started',
	'/docs/sdk/javascript',
	'/docs/api',
	'/changelog',
	'/about'
] as const;

export const DOCS_PAGES = [
	'/docs/getting-started',
	'/docs/sdk/javascript',
	'/docs/api',
	'/docs/alerts',
	'/changelog'
] as const;

export interface Campaign {
	campaign: string;
	subject: string;
}

export const NEWSLETTER_CAMPAIGNS: readonly Campaign[] = [
	{ campaign: 'newsletter', subject: 'The Lumetric monthly: five charts worth stealing' },
	{ campaign: 'newsletter', subject: 'Activation metrics your board will ask about' },
	{ campaign: 'content-ebook', subject: 'Your copy of the Product Analytics Playbook' },
	{ campaign: 'case-study', subject: 'How Fernhill cut churn 22% with cohort alerts' },
	{ campaign: 'nurture-onboarding', subject: 'Three dashboards to build in your first week' }
];

export const PRODUCT_UPDATE_CAMPAIGNS: readonly Campaign[] = [
	{ campaign: 'product-update', subject: 'New: funnel breakdowns by plan' },
	{ campaign: 'product-update', subject: 'Alerts now post to Slack threads' },
	{ campaign: 'product-update', subject: 'Faster queries on large cohorts' }
];

export const WEBINAR_CAMPAIGNS: readonly Campaign[] = [
	{ campaign: 'webinar-invite', subject: 'Live: reading retention curves with your team' },
	{ campaign: 'webinar-invite', subject: 'Live: from events to decisions in 30 minutes' }
];

/** The demo-invitation campaigns; a click on one shortly after a webinar is a strong buying signal. */
export const DEMO_CAMPAIGNS: readonly Campaign[] = [
	{ campaign: 'demo-invite', subject: 'See Lumetric on your own data (20 min)' },
	{ campaign: 'demo-followup-webinar', subject: 'Liked the webinar? Book a live demo' }
];

export const WEBINARS = [
	'Reading retention curves with your team',
	'From events to decisions in 30 minutes',
	'Pricing page analytics that sales will use',
	'Building a churn early-warning dashboard'
] as const;

export const FORMS = [
	'Newsletter signup',
	'Ebook: Product Analytics Playbook',
	'Free trial signup',
	'Webinar registration',
	'Contact sales'
] as const;

export const FEATURES = [
	'dashboards',
	'funnels',
	'retention cohorts',
	'alerts',
	'SQL editor',
	'data export',
	'session replay',
	'experiments',
	'Slack integration',
	'HubSpot sync'
] as const;

export const LOST_REASONS = [
	'No budget this year',
	'Went with a competitor',
	'No decision',
	'Timing: revisit next quarter'
] as const;

export const SALES_MEETINGS = [
	'Discovery call',
	'Product demo',
	'Technical deep dive',
	'Pricing review',
	'Security review'
] as const;
export const SUCCESS_MEETINGS = [
	'Quarterly business review',
	'Adoption check-in',
	'Roadmap preview',
	'Renewal planning'
] as const;

export const CALL_SUMMARIES = {
	connected: [
		'Walked through their tracking plan; wants a second call with engineering',
		'Discussed goals for next quarter and current reporting pain',
		'Checked in on adoption; asked for dashboard templates',
		'Talked through pricing tiers and seat counts'
	],
	voicemail: ['Left a voicemail about the trial', 'Left a voicemail, will follow up by email'],
	no_answer: ['No answer', 'No answer, try again Thursday'],
	meeting_booked: ['Booked a demo for next week', 'Booked a technical session with their data team']
} as const;

export const FOLLOW_UP_SUBJECTS = [
	'Following up on your trial',
	'Quick question about your reporting setup',
	'Next steps after our call',
	'Resources we talked about'
] as const;
