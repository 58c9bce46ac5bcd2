import { buildRule, RuleCheckError } from './buildRule';
import type { Rule } from './rule';
import type { RawExpression } from './rawRule';
import { describeTooBig, MAX_RULE_DEPTH, measureRule } from './ruleSize';
import { parse, SyntaxError as PeggySyntaxError, type PeggyExpectation } from './ruleParser.generated.js';

/** Why a rule text was refused, in words a non-engineer can act on. */
export interface RuleError {
	/** "Line 1, column 34: expected a duration like 3d or 12h after "within", found "tomorrow"." */
	message: string;
	/** 1-based. */
	line: number;
	/** 1-based. */
	column: number;
	/** What would have been accepted there, as phrases ("a number", "\"within\"", activity types...). */
	expected: string[];
}

export type ParseRuleResult = { ok: true; rule: Rule } | { ok: false; error: RuleError };

const EXAMPLE = 'count(pricing_visit) >= 3 within 1d';

/** Parses and checks a rule text. Never throws for bad input: returns the first problem instead. */
export function parseRule(source: string): ParseRuleResult {
	const nul = source.indexOf('\u0000');
	if (nul >= 0) return { ok: false, error: nulError(source, nul) };
	let raw: RawExpression;
	try {
		raw = parse(source);
	} catch (error) {
		if (error instanceof PeggySyntaxError) return { ok: false, error: syntaxError(source, error) };
		// Thousands of nested parentheses or nots overflow the generated parser's recursion.
		if (error instanceof RangeError) return { ok: false, error: tooDeepToRead() };
		throw error;
	}
	const size = measureRule(raw);
	const tooBig = describeTooBig(size);
	if (tooBig) return { ok: false, error: { message: `Line ${size.loc.line}, column ${size.loc.column}: ${tooBig}`, line: size.loc.line, column: size.loc.column, expected: [] } };
	try {
		return { ok: true, rule: buildRule(raw) };
	} catch (error) {
		if (!(error instanceof RuleCheckError)) throw error;
		const { line, column } = error.at;
		return {
			ok: false,
			error: { message: `Line ${line}, column ${column}: ${error.message}`, line, column, expected: error.expected }
		};
	}
}

/** PostgreSQL text cannot hold NUL, and no rule needs it: it comes from pasting, so say where it is. */
function nulError(source: string, offset: number): RuleError {
	const before = source.slice(0, offset).split('\n');
	const line = before.length;
	const column = before.at(-1)!.length + 1;
	const token = tokenize(source, true).find((t) => t.start <= offset && offset < t.end);
	const what = token && /^["'“]/.test(token.text) ? 'quoted text in a rule' : 'a rule';
	return { message: `Line ${line}, column ${column}: ${what} cannot contain the NUL character (an invisible control character, usually pasted by accident); remove it.`, line, column, expected: [] };
}

function tooDeepToRead(): RuleError {
	return {
		message: `Line 1, column 1: this rule nests too deeply to read (thousands of parentheses or nots inside one another); rules can nest at most ${MAX_RULE_DEPTH}. Simplify it.`,
		line: 1,
		column: 1,
		expected: []
	};
}

function syntaxError(source: string, error: PeggySyntaxError): RuleError {
	const { offset, line, column } = error.location.start;
	const expected = expectedPhrases(error.expected);
	const at = `Line ${line}, column ${column}`;
	if (isBlank(source)) {
		return { message: `${at}: the rule is empty. Write a condition such as ${EXAMPLE}.`, line, column, expected };
	}
	const tokens = tokenize(source);
	const previous = tokens.filter((t) => t.end <= offset).at(-1);
	const current = tokens.find((t) => t.start === offset) ?? tokens.find((t) => t.start <= offset && offset < t.end);
	const after = previous ? ` after "${previous.text}"` : '';
	const found = current ? `"${current.text}"` : 'the end of the rule';
	return {
		message: `${at}: expected ${inWords(expected)}${after}, found ${found}.`,
		line,
		column,
		expected
	};
}

function isBlank(source: string): boolean {
	return source.replace(/#[^\n]*/g, '').trim() === '';
}

/** Named phrases first, then keywords and symbols, then the end of the rule; no repeats. */
function expectedPhrases(expected: PeggyExpectation[]): string[] {
	const rank = (e: PeggyExpectation) => (e.type === 'other' ? 0 : e.type === 'literal' ? 1 : 2);
	const phrases = [...expected]
		.sort((a, b) => rank(a) - rank(b))
		.map((e) => {
			if (e.type === 'other') return e.description;
			if (e.type === 'literal') return `"${e.text}"`;
			if (e.type === 'end') return 'the end of the rule';
			return 'another character';
		});
	return [...new Set(phrases)];
}

function inWords(phrases: string[]): string {
	if (phrases.length <= 1) return phrases.join('');
	return `${phrases.slice(0, -1).join(', ')} or ${phrases.at(-1)}`;
}

interface Token {
	text: string;
	start: number;
	end: number;
}

const TOKEN = /\s+|#[^\n]*|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|“[^”\n]*”?|>=|<=|!=|[A-Za-z0-9_./+-]+|./gy;

/** Splits the source into words, quoted texts and symbols, as a reader sees them (no comments, unless asked). */
function tokenize(source: string, withComments = false): Token[] {
	const tokens: Token[] = [];
	TOKEN.lastIndex = 0;
	for (let m = TOKEN.exec(source); m !== null && m[0] !== ''; m = TOKEN.exec(source)) {
		const text = m[0];
		if (/^\s/.test(text) || (text.startsWith('#') && !withComments)) continue;
		tokens.push({ text, start: m.index, end: m.index + text.length });
	}
	return tokens;
}
