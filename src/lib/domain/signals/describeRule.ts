import { ACTIVITY_TYPE_INFO, type ActivityType } from '$lib/domain/crm/activityTypes';
import type {
	AccountAttribute,
	CountOperator,
	Duration,
	EventPattern,
	Rule,
	RuleExpression,
	RuleValue,
	ValueTest
} from './rule';

/** Plural of each activity type's label, for counts ("at least 3 pricing page visits"). */
const PLURAL_LABELS: Record<ActivityType, string> = {
	email_sent: 'emails sent',
	email_opened: 'emails opened',
	email_clicked: 'emails clicked',
	email_replied: 'emails replied',
	web_visit: 'web visits',
	pricing_visit: 'pricing page visits',
	form_submitted: 'forms submitted',
	webinar_attended: 'webinars attended',
	demo_requested: 'demos requested',
	meeting_held: 'meetings held',
	call_logged: 'calls logged',
	proposal_viewed: 'proposals viewed',
	ticket_opened: 'support tickets opened',
	ticket_closed: 'support tickets closed',
	product_login: 'product logins',
	feature_used: 'features used',
	plan_upgraded: 'plans upgraded',
	plan_downgraded: 'plans downgraded',
	renewal: 'renewals',
	churned: 'churns',
	purchase: 'purchases',
	survey_answered: 'surveys answered',
	social_mention: 'social mentions'
};

/** Labels that are not nouns ("Churned") read badly after "a" or "no". */
const SINGULAR_OVERRIDES: Partial<Record<ActivityType, string>> = { churned: 'churn' };

const ACCOUNT_ATTRIBUTE_WORDS: Record<AccountAttribute, string> = {
	lifecycle: 'lifecycle',
	plan: 'plan',
	arr: 'ARR',
	industry: 'industry',
	size: 'size'
};

const COUNT_WORDS: Record<CountOperator, string> = {
	'>=': 'at least',
	'>': 'more than',
	'=': 'exactly',
	'<=': 'at most',
	'<': 'fewer than'
};

const UNIT_WORDS = { m: 'minute', h: 'hour', d: 'day', w: 'week' } as const;

/**
 * The rule in plain words, as a new hire would say it:
 * "at least 3 pricing page visits within 1 day", "no product login for 21 days".
 */
export function describeRule(rule: Rule): string {
	return describe(rule);
}

function describe(expr: RuleExpression): string {
	switch (expr.kind) {
		case 'and':
		case 'or':
			return expr.items
				.map((item) => {
					const words = describe(item);
					return (item.kind === 'and' || item.kind === 'or') && item.kind !== expr.kind ? `(${words})` : words;
				})
				.join(` ${expr.kind} `);
		case 'not':
			return `not (${describe(expr.item)})`;
		case 'count': {
			const noun = expr.count === 1 ? singular(expr.event.type) : PLURAL_LABELS[expr.event.type];
			return `${COUNT_WORDS[expr.op]} ${expr.count} ${noun}${whose(expr.event)} within ${duration(expr.within)}`;
		}
		case 'absence':
			return `no ${singular(expr.event.type)}${whose(expr.event)} for ${duration(expr.for)}`;
		case 'sequence':
			return `${withArticle(expr.first)}, then within ${duration(expr.within)} ${withArticle(expr.then)}`;
		case 'account':
			return `${ACCOUNT_ATTRIBUTE_WORDS[expr.attribute]} ${testWords(expr.test)}`;
		case 'contact':
			return `a contact's ${expr.attribute} ${testWords(expr.test)}`;
	}
}

function singular(type: ActivityType): string {
	const label = SINGULAR_OVERRIDES[type] ?? ACTIVITY_TYPE_INFO[type].label;
	return label.charAt(0).toLowerCase() + label.slice(1);
}

function withArticle(event: EventPattern): string {
	const noun = singular(event.type);
	return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}${whose(event)}`;
}

function whose(event: EventPattern): string {
	if (event.where.length === 0) return '';
	const parts = event.where.map((c) => `${c.property.replaceAll('_', ' ')} ${testWords(c.test)}`);
	return ` whose ${parts.join(' and ')}`;
}

function testWords(test: ValueTest): string {
	switch (test.op) {
		case '=':
			return `is ${value(test.value)}`;
		case '!=':
			return `is not ${value(test.value)}`;
		case '~':
			return `contains “${test.value}”`;
		case '>':
			return `is more than ${test.value}`;
		case '>=':
			return `is at least ${test.value}`;
		case '<':
			return `is less than ${test.value}`;
		case '<=':
			return `is at most ${test.value}`;
		case 'in': {
			const values = test.values.map(value);
			return values.length === 1
				? `is ${values[0]}`
				: `is ${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
		}
	}
}

/** Single words stay bare (customer, /pricing, 51-200); anything else is quoted. */
function value(v: RuleValue): string {
	return typeof v === 'number' || /^[A-Za-z0-9_./+-]+$/.test(v) ? String(v) : `“${v}”`;
}

function duration(d: Duration): string {
	return `${d.amount} ${UNIT_WORDS[d.unit]}${d.amount === 1 ? '' : 's'}`;
}
