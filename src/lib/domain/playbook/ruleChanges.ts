/**
 * Describes how a rule's text changed without parsing the rule language: the two texts are cut
 * into tokens, and when only numbers or durations differ at the same positions the change is told
 * in words ("threshold 3 → 2", "window 1d → 2d"). Anything else is "rule changed: old → new".
 */

type TokenKind = 'duration' | 'number' | 'operator' | 'word' | 'string' | 'other';
interface Token {
	kind: TokenKind;
	text: string;
}

const UNIT_LONG = '(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)';
const UNIT_SHORT = '(?:ms|mo|s|m|h|d|w|y)';
const TOKEN = new RegExp(
	[
		`(?<duration>\\d+(?:\\.\\d+)?(?:${UNIT_SHORT}|\\s*${UNIT_LONG})(?![\\w]))`,
		'(?<number>\\d+(?:\\.\\d+)?%?)',
		'(?<operator>>=|<=|==|!=|<>|[<>=])',
		'(?<string>"(?:[^"\\\\]|\\\\.)*"|\'(?:[^\'\\\\]|\\\\.)*\')',
		'(?<word>[A-Za-z_][\\w.]*)',
		'(?<other>\\S)'
	].join('|'),
	'gy'
);

export function tokenizeRule(rule: string): Token[] {
	const tokens: Token[] = [];
	let rest = rule;
	// Skip whitespace, then match one token at the start of what is left.
	while ((rest = rest.replace(/^\s+/, '')) !== '') {
		TOKEN.lastIndex = 0;
		const m = TOKEN.exec(rest);
		if (!m || !m.groups) break;
		const kind = (Object.keys(m.groups) as TokenKind[]).find((k) => m.groups![k] !== undefined) ?? 'other';
		tokens.push({ kind, text: m[0].replace(/\s+/g, ' ') });
		rest = rest.slice(m[0].length);
	}
	return tokens;
}

const COMPARISON = new Set(['>=', '<=', '==', '!=', '<>', '<', '>', '=']);

/** One line, whitespace collapsed, cut at 80 characters. */
function short(rule: string): string {
	const line = rule.replace(/\s+/g, ' ').trim();
	return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** Words for what changed between two rule texts; empty when they are the same. */
export function describeRuleChange(before: string, after: string): string[] {
	if (before === after) return [];
	const a = tokenizeRule(before);
	const b = tokenizeRule(after);
	const sameShape = a.length === b.length && a.every((t, i) => t.kind === b[i].kind);
	if (!sameShape) return [`rule changed: ${short(before)} → ${short(after)}`];
	const words: string[] = [];
	for (let i = 0; i < a.length; i++) {
		if (a[i].text === b[i].text) continue;
		if (a[i].kind === 'duration') words.push(`window ${a[i].text} → ${b[i].text}`);
		else if (a[i].kind === 'number') {
			const afterComparison = i > 0 && COMPARISON.has(a[i - 1].text);
			words.push(`${afterComparison ? 'threshold' : 'number'} ${a[i].text} → ${b[i].text}`);
		} else return [`rule changed: ${short(before)} → ${short(after)}`];
	}
	return words.length > 0 ? words : ['rule layout changed (same words)'];
}
