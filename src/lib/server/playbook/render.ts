import { renderSection } from '../markdown/renderMarkdown';
import { describeRule, parseRule } from '../../domain/signals';

/** A section as HTML: Markdown sanitized, signal blocks as cards with their rule in words. */
/** Heading ids get this prefix so a heading called "main" cannot clash with the page's own ids. */
export const HEADING_ID_PREFIX = 'h';

export function renderSectionHtml(
	body: string,
	evidenceCounts?: Record<string, number>,
	firedCounts?: Record<string, { days7: number; days30: number }>
): string {
	return renderSection(body, {
		evidenceCounts,
		firedCounts,
		idPrefix: HEADING_ID_PREFIX,
		describeRule: (source) => {
			const parsed = parseRule(source);
			return parsed.ok ? { words: describeRule(parsed.rule) } : { error: parsed.error.message };
		}
	});
}
