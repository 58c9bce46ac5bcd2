/**
 * Signal blocks: fenced ```signal blocks in a section body, written as "field: value" lines
 * (YAML). `extractSignals` reads one body, `listSignals` a whole document (ids unique across it).
 */
import { isMap, isNode, isScalar, LineCounter, parseDocument, Scalar } from 'yaml';
import type { PlaybookDocument } from './document';
import { findFencedBlocks, type FencedBlock } from './fences';
import { quoted, SIGNAL_FIELDS, signalFieldsSchema, type SignalFields } from './signalSchema';

export interface SignalDefinition extends SignalFields {
	/** Body line (1-based) of the block's opening fence. */
	line: number;
	/** Body line where the rule text starts, to point at rule errors. */
	ruleLine: number;
}

export interface SignalProblem {
	/** Body line (1-based) the problem is about. */
	line: number;
	/** Full sentence, e.g. "Signal 'x' (line 12): notify lists 'finance', which is not a department; ..." */
	message: string;
	signalId?: string;
}

/** Checks a rule's text (plug in the rule parser); returns null when the rule is fine. */
export type RuleCheck = (rule: string) => { message: string; line?: number } | null;

export interface ExtractOptions {
	checkRule?: RuleCheck;
}

export interface RawSignalField {
	value: unknown;
	/** 1-based line inside the block's text. */
	line: number;
}

export interface SignalSourceReading {
	/** Fields as written (failsafe YAML: strings and lists of strings), null if not a mapping. */
	fields: Map<string, RawSignalField> | null;
	/** The block's id when it has a usable one, even if other fields are wrong. */
	id: string | null;
	signal: SignalFields | null;
	/** Line of the rule text inside the block. */
	ruleLine: number;
	/** Problems with block-relative lines (0 = the opening fence), without the "Signal 'x' (line n):" prefix. */
	issues: { line: number; text: string }[];
}

/** Prose fields (name, means, action): the rest of the line is taken as written, ':' and '#' included. */
const PROSE_LINE = /^(name|means|action)[ \t]*:[ \t]+(\S.*)$/;
/** Values left to YAML: block scalars ("|", ">-") and complete quoted strings. */
const YAML_VALUE = /^(?:[|>][+-]?\d*[+-]?|"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*(?:#.*)?$/;

/**
 * Authors write prose like "action: Offer a demo (template: demo-offer)." which plain YAML reads as
 * a nested mapping. Such prose values are turned into quoted strings first; line count is kept.
 */
function quoteProse(source: string): string {
	const lines = source.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const m = PROSE_LINE.exec(lines[i]);
		if (!m || YAML_VALUE.test(m[2])) continue;
		const parts = [m[2].trim()];
		let j = i + 1;
		while (j < lines.length && /^[ \t]+\S/.test(lines[j])) {
			parts.push(lines[j].trim());
			lines[j] = '';
			j++;
		}
		lines[i] = `${m[1]}: ${JSON.stringify(parts.join(' '))}`;
		i = j - 1;
	}
	return lines.join('\n');
}

/** Reads one block's text (without fences). Lines are relative to the block text (1-based). */
export function readSignalSource(source: string): SignalSourceReading {
	const issues: { line: number; text: string }[] = [];
	const counter = new LineCounter();
	const doc = parseDocument(quoteProse(source), { schema: 'failsafe', lineCounter: counter, prettyErrors: false, uniqueKeys: true });
	const lineAt = (offset: number) => counter.linePos(offset).line;
	for (const error of doc.errors) {
		issues.push({ line: lineAt(error.pos[0]), text: yamlHint(error.code, error.message) });
	}
	if (source.trim() === '') issues.push({ line: 0, text: 'the block is empty; write the signal as "field: value" lines' });
	if (doc.errors.length > 0 || source.trim() === '') return { fields: null, id: null, signal: null, ruleLine: 1, issues };
	if (!isMap(doc.contents)) {
		issues.push({ line: 1, text: 'a signal block should be a list of "field: value" lines' });
		return { fields: null, id: null, signal: null, ruleLine: 1, issues };
	}
	const fields = new Map<string, RawSignalField>();
	let ruleLine = 1;
	for (const pair of doc.contents.items) {
		const keyLine = isScalar(pair.key) && pair.key.range ? lineAt(pair.key.range[0]) : 1;
		if (!isScalar(pair.key)) {
			issues.push({ line: keyLine, text: 'a field name should be a plain word like "name"' });
			continue;
		}
		const key = String(pair.key.value);
		const node = pair.value;
		let value: unknown = '';
		try {
			if (isNode(node)) value = node.toJS(doc, { maxAliasCount: 0 });
		} catch {
			issues.push({ line: keyLine, text: `${key} uses a YAML alias (*name); write the value out instead` });
			continue;
		}
		fields.set(key, { value, line: keyLine });
		if (key === 'rule') ruleLine = ruleStartLine(node, keyLine, lineAt);
	}
	const parsed = signalFieldsSchema.safeParse(Object.fromEntries([...fields].map(([k, f]) => [k, f.value])));
	const rawId = fields.get('id')?.value;
	const id = typeof rawId === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(rawId.trim()) ? rawId.trim() : null;
	if (parsed.success) return { fields, id, signal: parsed.data, ruleLine, issues };
	for (const issue of parsed.error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				issues.push({
					line: fields.get(key)?.line ?? 1,
					text: `unknown field ${quoted(key)}; the fields are ${SIGNAL_FIELDS.join(', ')}`
				});
			}
			continue;
		}
		const field = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
		issues.push({ line: (field && fields.get(field)?.line) || 0, text: issue.message });
	}
	issues.sort((a, b) => a.line - b.line);
	return { fields, id, signal: null, ruleLine, issues };
}

function ruleStartLine(node: unknown, keyLine: number, lineAt: (offset: number) => number): number {
	if (!isScalar(node) || !node.range) return keyLine;
	if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) return keyLine + 1;
	return lineAt(node.range[0]);
}

function yamlHint(code: string, message: string): string {
	const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
	if (code === 'DUPLICATE_KEY') return 'a field is written twice; keep one';
	if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
		return `the block could not be read (${first}); if a value contains ': ', put it in quotes`;
	}
	return `the block could not be read (${first})`;
}

/** "Signal 'x' (line 12): ..." or "Signal block (line 12): ..." */
export function signalMessage(id: string | null | undefined, line: number, text: string): string {
	return `${id ? `Signal '${id}'` : 'Signal block'} (line ${line}): ${text}.`;
}

/** The ```signal blocks of a body, in order. */
export function findSignalBlocks(body: string): FencedBlock[] {
	return findFencedBlocks(body).filter((b) => b.lang === 'signal');
}

/** Valid signal definitions of one section body, and every problem in plain words. */
export function extractSignals(
	body: string,
	options: ExtractOptions = {}
): { signals: SignalDefinition[]; problems: SignalProblem[] } {
	const signals: SignalDefinition[] = [];
	const problems: SignalProblem[] = [];
	const seen = new Map<string, number>();
	for (const block of findSignalBlocks(body)) {
		const reading = readSignalSource(block.content);
		const toBody = (blockLine: number) => block.line + blockLine;
		const report = (line: number, text: string) => {
			problems.push({ line, message: signalMessage(reading.id, line, text), ...(reading.id ? { signalId: reading.id } : {}) });
		};
		if (block.endLine === null) report(block.line, 'the block is not closed; add a line with ``` after it');
		for (const issue of reading.issues) report(toBody(issue.line), issue.text);
		if (!reading.signal || block.endLine === null || reading.issues.length > 0) continue;
		const signal: SignalDefinition = { ...reading.signal, line: block.line, ruleLine: toBody(reading.ruleLine) };
		const earlier = seen.get(signal.id);
		if (earlier !== undefined) {
			report(block.line, `the id '${signal.id}' is already used by the signal at line ${earlier}; ids must be unique`);
			continue;
		}
		const ruleIssue = options.checkRule?.(signal.rule);
		if (ruleIssue) {
			report(signal.ruleLine + (ruleIssue.line ?? 1) - 1, `the rule could not be read: ${ruleIssue.message.replace(/\.$/, '')}`);
			continue;
		}
		seen.set(signal.id, block.line);
		signals.push(signal);
	}
	return { signals, problems };
}

export interface ListedSignal extends SignalDefinition {
	sectionSlug: string;
}

export interface ListedSignalProblem extends SignalProblem {
	sectionSlug: string;
}

/** Every valid signal of the document, ids unique across all sections (first one wins). */
export function listSignals(
	doc: PlaybookDocument,
	options: ExtractOptions = {}
): { signals: ListedSignal[]; problems: ListedSignalProblem[] } {
	const signals: ListedSignal[] = [];
	const problems: ListedSignalProblem[] = [];
	const owner = new Map<string, ListedSignal>();
	for (const section of doc.sections) {
		const extracted = extractSignals(section.body, options);
		for (const p of extracted.problems) problems.push({ ...p, sectionSlug: section.slug });
		for (const s of extracted.signals) {
			const first = owner.get(s.id);
			if (first) {
				problems.push({
					line: s.line,
					signalId: s.id,
					sectionSlug: section.slug,
					message: signalMessage(
						s.id,
						s.line,
						`the id '${s.id}' is already used in section '${first.sectionSlug}' (line ${first.line}); ids must be unique across the playbook`
					)
				});
				continue;
			}
			const listed = { ...s, sectionSlug: section.slug };
			owner.set(s.id, listed);
			signals.push(listed);
		}
	}
	return { signals, problems };
}
