/**
 * Everything wrong with a playbook before it is saved as a revision: section slugs and titles,
 * signal blocks, ids used twice, and rules the rule language cannot read.
 */
import { parseRule } from '../signals';
import { validateDocument, type PlaybookDocument } from './document';
import { listSignals, signalMessage, type RuleCheck } from './signalBlock';

export interface PlaybookProblem {
	/** The section the problem is in; null for the document as a whole. */
	sectionSlug: string | null;
	/** Body line (1-based) inside that section, when known. */
	line: number | null;
	signalId?: string;
	message: string;
	/**
	 * True when the playbook must not be saved like this. Rule errors in draft or retired signals
	 * do not block: those signals never run, and a draft may be half-written on purpose.
	 */
	blocking: boolean;
}

/** The rule language's parser as a RuleCheck: message without its "Line 1, column 5: " prefix. */
export const checkRuleText: RuleCheck = (rule) => {
	const parsed = parseRule(rule);
	if (parsed.ok) return null;
	const { message, line, column } = parsed.error;
	return { message: `${message.replace(/^Line \d+, column \d+: /, '').replace(/\.$/, '')} (column ${column})`, line };
};

export function checkPlaybook(doc: PlaybookDocument): PlaybookProblem[] {
	const problems: PlaybookProblem[] = validateDocument(doc).map((p) => ({
		sectionSlug: p.slug,
		line: null,
		message: p.message,
		blocking: true
	}));
	const listed = listSignals(doc);
	for (const p of listed.problems) {
		problems.push({ sectionSlug: p.sectionSlug, line: p.line, ...(p.signalId ? { signalId: p.signalId } : {}), message: p.message, blocking: true });
	}
	for (const signal of listed.signals) {
		const issue = checkRuleText(signal.rule);
		if (!issue) continue;
		const line = signal.ruleLine + (issue.line ?? 1) - 1;
		problems.push({
			sectionSlug: signal.sectionSlug,
			line,
			signalId: signal.id,
			message: signalMessage(signal.id, line, `the rule could not be read: ${issue.message}`),
			blocking: signal.status !== 'draft' && signal.status !== 'retired'
		});
	}
	return problems;
}
