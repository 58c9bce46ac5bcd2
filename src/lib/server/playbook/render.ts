import { renderSection } from '../markdown/renderMarkdown';
import { describeRule, parseRule } from '../../domain/signals';

/** A section as HTML: Markdown sanitized, signal blocks as cards with their rule in words. */
export function renderSectionHtml(body: string, evidenceCounts?: Record<string, number>): string {
	return renderSection(body, {
		evidenceCounts,
		describeRule: (source) => {
			const parsed = parseRule(source);
			return parsed.ok ? { words: describeRule(parsed.rule) } : { error: parsed.error.message };
		}
	});
}
