import { ACTIVITY_TYPE_INFO, type ActivityType } from './activityTypes';

export type ActivityProperties = Record<string, unknown>;

export interface ActivityDescription {
	/** One line a reader can scan: "Visited /pricing", "Ticket: Export fails (negative)". */
	summary: string;
	/** Remaining properties as label/value pairs, in a stable order. */
	details: { label: string; value: string }[];
	/** Emotional tone when the event carries one (tickets, mentions): drives the colour cue. */
	tone?: 'positive' | 'neutral' | 'negative';
}

const text = (v: unknown): string | undefined =>
	v === undefined || v === null || v === '' ? undefined : String(v);

const money = (v: unknown): string | undefined => {
	const n = Number(v);
	return Number.isFinite(n) && text(v) !== undefined
		? new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(n)
		: undefined;
};

function toneOf(sentiment: unknown): ActivityDescription['tone'] {
	if (sentiment === 'positive') return 'positive';
	if (sentiment === 'negative' || sentiment === 'angry' || sentiment === 'frustrated') return 'negative';
	return sentiment === undefined ? undefined : 'neutral';
}

type Summarizer = (p: ActivityProperties) => string | undefined;

const SUMMARIES: Partial<Record<ActivityType, Summarizer>> = {
	email_sent: (p) => text(p.subject) && `Sent “${p.subject}”`,
	email_opened: (p) => text(p.subject) && `Opened “${p.subject}”`,
	email_clicked: (p) => text(p.subject) && `Clicked a link in “${p.subject}”`,
	email_replied: (p) => text(p.subject) && `Replied to “${p.subject}”`,
	web_visit: (p) => text(p.page) && `Visited ${p.page}`,
	pricing_visit: (p) => `Viewed the pricing page${text(p.page) && p.page !== '/pricing' ? ` (${p.page})` : ''}`,
	form_submitted: (p) => text(p.form) && `Submitted the “${p.form}” form`,
	webinar_attended: (p) => text(p.webinar) && `Attended “${p.webinar}”`,
	demo_requested: () => 'Requested a demo',
	meeting_held: (p) => text(p.title) && `Meeting: ${p.title}`,
	call_logged: (p) => text(p.outcome) && `Call: ${String(p.outcome).replaceAll('_', ' ')}`,
	proposal_viewed: (p) => text(p.proposal) && `Viewed proposal “${p.proposal}”`,
	ticket_opened: (p) => text(p.subject) && `Ticket opened: ${p.subject}`,
	ticket_closed: (p) => text(p.subject) && `Ticket closed: ${p.subject}`,
	product_login: () => 'Logged in to the product',
	feature_used: (p) => text(p.feature) && `Used ${p.feature}`,
	plan_upgraded: (p) => text(p.to) && `Upgraded ${text(p.from) ? `from ${p.from} ` : ''}to ${p.to}`,
	plan_downgraded: (p) => text(p.to) && `Downgraded ${text(p.from) ? `from ${p.from} ` : ''}to ${p.to}`,
	renewal: (p) => `Renewed${text(p.plan) ? ` ${p.plan}` : ''}${money(p.arr) ? ` at ${money(p.arr)} ARR` : ''}`,
	churned: (p) => `Churned${text(p.reason) ? `: ${p.reason}` : ''}`,
	purchase: (p) => money(p.amount) && `Purchase of ${money(p.amount)}`,
	survey_answered: (p) =>
		text(p.score) && `${String(p.kind ?? 'survey').toUpperCase()} answer: ${p.score}${p.kind === 'csat' ? '/5' : '/10'}`,
	social_mention: (p) => text(p.channel) && `Mentioned on ${p.channel}`
};

/** Properties already said by the summary line; the details do not repeat them. */
const IN_SUMMARY: Partial<Record<ActivityType, string[]>> = {
	email_sent: ['subject'],
	email_opened: ['subject'],
	email_clicked: ['subject'],
	email_replied: ['subject'],
	web_visit: ['page'],
	pricing_visit: ['page'],
	form_submitted: ['form'],
	webinar_attended: ['webinar'],
	meeting_held: ['title'],
	call_logged: ['outcome'],
	proposal_viewed: ['proposal'],
	ticket_opened: ['subject'],
	ticket_closed: ['subject'],
	feature_used: ['feature'],
	plan_upgraded: ['from', 'to'],
	plan_downgraded: ['from', 'to'],
	renewal: ['plan', 'arr'],
	churned: ['reason'],
	purchase: ['amount'],
	survey_answered: ['kind', 'score'],
	social_mention: ['channel']
};

const LABELS: Record<string, string> = {
	page: 'Page',
	subject: 'Subject',
	campaign: 'Campaign',
	sentiment: 'Sentiment',
	outcome: 'Outcome',
	duration_min: 'Duration (min)',
	feature: 'Feature',
	amount: 'Amount',
	score: 'Score',
	kind: 'Survey',
	comment: 'Comment',
	channel: 'Channel',
	text: 'Text',
	priority: 'Priority',
	ticket_id: 'Ticket',
	summary: 'Summary',
	reason: 'Reason',
	from: 'From',
	to: 'To',
	plan: 'Plan',
	arr: 'ARR',
	webinar: 'Webinar',
	form: 'Form',
	title: 'Title',
	proposal: 'Proposal'
};

/** Turns a raw activity into what a timeline shows: a one-line summary plus its details. */
export function describeActivity(type: ActivityType, properties: ActivityProperties): ActivityDescription {
	const described = SUMMARIES[type]?.(properties);
	const summary = described || ACTIVITY_TYPE_INFO[type].label;
	const said = new Set(described ? (IN_SUMMARY[type] ?? []) : []);
	const details = Object.entries(properties)
		.filter(([k, v]) => !said.has(k) && text(v) !== undefined && typeof v !== 'object')
		.map(([key, v]) => ({
			label: LABELS[key] ?? key.replaceAll('_', ' '),
			value: key === 'amount' || key === 'arr' ? (money(v) ?? String(v)) : String(v)
		}));
	return { summary, details, tone: toneOf(properties.sentiment) };
}
