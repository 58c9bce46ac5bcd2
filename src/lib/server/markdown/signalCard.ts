/**
 * A ```signal block as a readable card instead of YAML: name, family and status badges, the rule
 * in words with the raw rule below, what it means, what to do, who to tell, weight, evidence.
 * An invalid block becomes a visible problem box. Every value from the block is escaped here.
 */
import { DEPARTMENT_LABELS } from '../../domain/crm/vocabulary';
import { readSignalSource, signalMessage } from '../../domain/playbook/signalBlock';
import { SIGNAL_FAMILY_LABELS, SIGNAL_STATUS_LABELS } from '../../domain/playbook/signalSchema';
import { escapeHtml, escapeLines } from './html';

export type DescribeRule = (ruleSource: string) => { words: string } | { error: string };

export interface SignalCardOptions {
	describeRule?: DescribeRule;
	/** Evidence found so far, by signal id. */
	evidenceCounts?: Record<string, number>;
	/** Accounts the signal held for in the last 7 and 30 days (from detection's hits), by signal id. */
	firedCounts?: Record<string, { days7: number; days30: number }>;
}

/** Where the block sits in the body, when known, so problems can name body lines. */
export interface BlockPlace {
	line: number;
	closed: boolean;
}

function ruleWords(rule: string, describe: DescribeRule | undefined): string {
	if (!describe) return '';
	let described: ReturnType<DescribeRule>;
	try {
		described = describe(rule);
	} catch {
		described = { error: 'the rule could not be described' };
	}
	return 'words' in described
		? `<p class="signal-card__rule-words">${escapeLines(described.words)}</p>`
		: `<p class="signal-card__rule-error">This rule cannot be read: ${escapeLines(described.error)}</p>`;
}

function weightText(weight: number): string {
	return weight > 0 ? `+${weight}` : String(weight);
}

function problemBox(source: string, id: string | null, messages: string[]): string {
	const items = messages.map((m) => `<li>${escapeHtml(m)}</li>`).join('');
	const label = id ? `Signal ${id} has problems` : 'Signal block with problems';
	return (
		`<aside class="signal-problem" aria-label="${escapeHtml(label)}">` +
		`<p class="signal-problem__title">This signal block has problems, so it is not used until they are fixed:</p>` +
		`<ul class="signal-problem__list">${items}</ul>` +
		`<pre class="signal-problem__source"><code>${escapeHtml(source)}</code></pre>` +
		`</aside>\n`
	);
}

export function renderSignalCard(source: string, place: BlockPlace | null, options: SignalCardOptions): string {
	const reading = readSignalSource(source);
	const lineOf = (blockLine: number) => (place ? place.line + blockLine : blockLine);
	const messages = reading.issues.map((i) =>
		place ? signalMessage(reading.id, lineOf(i.line), i.text) : `${signalMessage(reading.id, i.line, i.text).replace(/\(line (\d+)\)/, '(line $1 of the block)')}`
	);
	if (place && !place.closed) messages.unshift(signalMessage(reading.id, place.line, 'the block is not closed; add a line with ``` after it'));
	const signal = reading.signal;
	if (!signal || messages.length > 0) return problemBox(source, reading.id, messages);

	const facts: string[] = [];
	const fact = (term: string, html: string) => facts.push(`<dt>${term}</dt><dd>${html}</dd>`);
	fact('When', `${ruleWords(signal.rule, options.describeRule)}<pre class="signal-card__rule"><code>${escapeHtml(signal.rule)}</code></pre>`);
	fact('It means', escapeLines(signal.means));
	const template = signal.template ? ` <span class="signal-card__template">Template: <code>${escapeHtml(signal.template)}</code></span>` : '';
	fact('Do this', `${escapeLines(signal.action)}${template}`);
	if (signal.notify.length) fact('Notify', escapeHtml(signal.notify.map((d) => DEPARTMENT_LABELS[d]).join(', ')));
	fact('Weight', escapeHtml(weightText(signal.weight)));
	const counts = options.evidenceCounts;
	const evidence = counts && Object.hasOwn(counts, signal.id) ? counts[signal.id] : undefined;
	if (typeof evidence === 'number' && Number.isFinite(evidence)) {
		fact('Evidence', escapeHtml(`Seen ${evidence} ${evidence === 1 ? 'time' : 'times'}`));
	}
	const fired = options.firedCounts && Object.hasOwn(options.firedCounts, signal.id) ? options.firedCounts[signal.id] : undefined;
	if (fired) {
		const accounts = (n: number) => `${n} ${n === 1 ? 'account' : 'accounts'}`;
		fact('Fired on', escapeHtml(`${accounts(fired.days7)} in the last 7 days, ${accounts(fired.days30)} in the last 30`));
	}

	return (
		`<section class="signal-card signal-card--${signal.family} signal-card--${signal.status}" id="signal-${signal.id}" aria-label="${escapeHtml(`Signal: ${signal.name}`)}">` +
		`<header class="signal-card__header">` +
		`<p class="signal-card__name">${escapeHtml(signal.name)}</p>` +
		`<p class="signal-card__badges">` +
		`<span class="signal-badge signal-badge--family-${signal.family}">${SIGNAL_FAMILY_LABELS[signal.family]}</span> ` +
		`<span class="signal-badge signal-badge--status-${signal.status}">${SIGNAL_STATUS_LABELS[signal.status]}</span>` +
		`</p>` +
		`</header>` +
		`<dl class="signal-card__facts">${facts.join('')}</dl>` +
		`<p class="signal-card__id">id <code>${escapeHtml(signal.id)}</code></p>` +
		`</section>\n`
	);
}
