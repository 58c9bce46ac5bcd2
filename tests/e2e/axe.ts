import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

export interface A11yCheckOptions {
	/** Only check inside these selectors (default: the whole page). */
	include?: string[];
	/** Leave these selectors out, e.g. a third-party widget the app does not control. */
	exclude?: string[];
	/** axe rule ids to skip; say why at the call site. */
	disableRules?: string[];
}

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe-core on the page as it is now and fails the test when any rule with impact serious
 * or critical is violated (DESIGN.md: the main pages have none). The failure lists each
 * violation's id, impact, help text and the selectors of the offending elements; the full axe
 * report is attached to the test.
 */
export async function expectNoSeriousA11yViolations(
	page: Page,
	options: A11yCheckOptions = {}
): Promise<void> {
	let builder = new AxeBuilder({ page });
	for (const selector of options.include ?? []) builder = builder.include(selector);
	for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
	if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);

	const results = await builder.analyze();
	const blocking = results.violations.filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ''));
	if (blocking.length > 0) {
		await test.info().attach('axe-violations.json', {
			body: JSON.stringify(blocking, null, 2),
			contentType: 'application/json'
		});
	}

	const summary = blocking.map((v) => ({
		id: v.id,
		impact: v.impact,
		help: v.help,
		helpUrl: v.helpUrl,
		// A target lists one selector per frame; a selector into shadow DOM is itself a list.
		targets: v.nodes.map((node) =>
			node.target.map((part) => (Array.isArray(part) ? part.join(' >>shadow>> ') : part)).join(' >>frame>> ')
		)
	}));
	expect(
		summary,
		`serious or critical accessibility violations on ${page.url()}:\n` +
			summary.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n    at ${v.targets.join('\n    at ')}`).join('\n')
	).toEqual([]);
}
