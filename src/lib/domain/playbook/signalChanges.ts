/**
 * What changed in the signal blocks of two documents, matched by id across the whole document,
 * in words: "status experimental → stable", "notify adds support", "signal added".
 */
import type { PlaybookDocument } from './document';
import { describeRuleChange } from './ruleChanges';
import { findSignalBlocks, readSignalSource } from './signalBlock';

export interface SignalChange {
	id: string;
	/** Name after the change (before it, for a removed signal). */
	name: string;
	kind: 'added' | 'removed' | 'changed';
	/** Section that holds the signal after the change (before it, for a removed signal). */
	sectionSlug: string;
	changes: string[];
}

interface SignalSnapshot {
	sectionSlug: string;
	name: string;
	fields: Record<string, string | string[]>;
}

/** Signal blocks by id, read leniently so a half-finished block still compares field by field. */
function snapshots(doc: PlaybookDocument): Map<string, SignalSnapshot> {
	const byId = new Map<string, SignalSnapshot>();
	for (const section of doc.sections) {
		for (const block of findSignalBlocks(section.body)) {
			const reading = readSignalSource(block.content);
			if (!reading.id || byId.has(reading.id)) continue;
			const fields: Record<string, string | string[]> = {};
			if (reading.signal) {
				for (const [k, v] of Object.entries(reading.signal)) {
					if (v !== undefined) fields[k] = Array.isArray(v) ? v : String(v);
				}
			} else {
				for (const [k, f] of reading.fields ?? []) fields[k] = asText(f.value);
			}
			const name = typeof fields.name === 'string' && fields.name.trim() ? fields.name.trim() : reading.id;
			byId.set(reading.id, { sectionSlug: section.slug, name, fields });
		}
	}
	return byId;
}

function asText(value: unknown): string | string[] {
	if (Array.isArray(value)) return value.map((v) => String(v));
	return typeof value === 'string' ? value.trim() : JSON.stringify(value);
}

function list(value: string | string[] | undefined): string[] {
	if (value === undefined) return [];
	return Array.isArray(value) ? value : value.split(/[\s,]+/).filter(Boolean);
}

function text(value: string | string[] | undefined): string {
	return value === undefined ? '' : Array.isArray(value) ? value.join(', ') : value;
}

function short(value: string): string {
	const line = value.replace(/\s+/g, ' ').trim();
	return `'${line.length > 60 ? `${line.slice(0, 59)}…` : line}'`;
}

function describeFieldChanges(before: SignalSnapshot, after: SignalSnapshot): string[] {
	const words: string[] = [];
	const a = before.fields;
	const b = after.fields;
	if (before.sectionSlug !== after.sectionSlug) words.push(`moved from section '${before.sectionSlug}' to '${after.sectionSlug}'`);
	if (text(a.name) !== text(b.name)) words.push(`renamed ${short(text(a.name))} → ${short(text(b.name))}`);
	for (const field of ['family', 'status'] as const) {
		if (text(a[field]) !== text(b[field])) words.push(`${field} ${text(a[field]) || '(none)'} → ${text(b[field]) || '(none)'}`);
	}
	words.push(...describeRuleChange(text(a.rule), text(b.rule)));
	for (const field of ['means', 'action'] as const) {
		if (text(a[field]) !== text(b[field])) words.push(`${field} changed: ${short(text(a[field]))} → ${short(text(b[field]))}`);
	}
	const notifyBefore = list(a.notify);
	const notifyAfter = list(b.notify);
	const adds = notifyAfter.filter((d) => !notifyBefore.includes(d));
	const drops = notifyBefore.filter((d) => !notifyAfter.includes(d));
	if (adds.length) words.push(`notify adds ${adds.join(', ')}`);
	if (drops.length) words.push(`notify drops ${drops.join(', ')}`);
	const weightBefore = text(a.weight) || '0';
	const weightAfter = text(b.weight) || '0';
	if (weightBefore !== weightAfter) words.push(`weight ${weightBefore} → ${weightAfter}`);
	const templateBefore = text(a.template);
	const templateAfter = text(b.template);
	if (templateBefore !== templateAfter) {
		if (!templateBefore) words.push(`template added: ${templateAfter}`);
		else if (!templateAfter) words.push(`template removed (was ${templateBefore})`);
		else words.push(`template ${templateBefore} → ${templateAfter}`);
	}
	const known = new Set(['id', 'name', 'family', 'status', 'rule', 'means', 'action', 'notify', 'weight', 'template']);
	for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
		if (!known.has(field) && text(a[field]) !== text(b[field])) words.push(`${field} changed`);
	}
	return words;
}

/** Signal changes between two documents, in the order the signals appear (removed ones last). */
export function diffSignals(before: PlaybookDocument, after: PlaybookDocument): SignalChange[] {
	const old = snapshots(before);
	const now = snapshots(after);
	const changes: SignalChange[] = [];
	for (const [id, snap] of now) {
		const previous = old.get(id);
		if (!previous) {
			changes.push({ id, name: snap.name, kind: 'added', sectionSlug: snap.sectionSlug, changes: ['signal added'] });
			continue;
		}
		const words = describeFieldChanges(previous, snap);
		if (words.length) changes.push({ id, name: snap.name, kind: 'changed', sectionSlug: snap.sectionSlug, changes: words });
	}
	for (const [id, snap] of old) {
		if (!now.has(id)) changes.push({ id, name: snap.name, kind: 'removed', sectionSlug: snap.sectionSlug, changes: ['signal removed'] });
	}
	return changes;
}

/** A signal whose rule text a change adds, removes or rewrites (null: no rule on that side). */
export interface RuleChange {
	id: string;
	name: string;
	before: string | null;
	after: string | null;
}

/**
 * The signals whose rule text differs between two documents (what a backtest can compare), in
 * the order the signals appear, removed ones last. Layout-only changes (whitespace) are left out.
 */
export function listRuleChanges(before: PlaybookDocument, after: PlaybookDocument): RuleChange[] {
	const old = snapshots(before);
	const now = snapshots(after);
	const ruleOf = (snap: SignalSnapshot | undefined) => {
		const rule = snap ? text(snap.fields.rule).trim() : '';
		return rule === '' ? null : rule;
	};
	const same = (a: string | null, b: string | null) => (a ?? '').replace(/\s+/g, ' ') === (b ?? '').replace(/\s+/g, ' ');
	const changes: RuleChange[] = [];
	for (const [id, snap] of now) {
		const previous = ruleOf(old.get(id));
		const next = ruleOf(snap);
		if (!same(previous, next)) changes.push({ id, name: snap.name, before: previous, after: next });
	}
	for (const [id, snap] of old) {
		if (!now.has(id) && ruleOf(snap) !== null) changes.push({ id, name: snap.name, before: ruleOf(snap), after: null });
	}
	return changes;
}
