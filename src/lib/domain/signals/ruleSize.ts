/**
 * How far a rule's and/or/not nest, and how many of them and conditions it has. The SQL compiler
 * turns each one into a joined column whose expression repeats its whole subtree, so the query
 * grows with depth times size. Measured on PGlite (1 account): out of memory at 85 nested nots,
 * at about 60 levels of alternating and/or, at 100 conditions under 32 nots, and at 150 counts in
 * one or-chain; PostgreSQL took 26 s to plan 100 nested nots and its backend died at 150.
 * Parentheses alone add nothing: 400 nested ones compile to one condition. Real rules nest 1 to 4
 * levels with under 10 conditions. At these limits the worst shapes measured (24 nots over 76
 * conditions, 24 levels of and/or with 3 conditions each, a 99-condition or-chain) ran on both
 * databases, in 5 s or less.
 */
import type { RawExpression, SourceAt } from './rawRule';

/** Levels of and, or and not inside one another. */
export const MAX_RULE_DEPTH = 24;
/** Conditions plus and/or groups plus nots. */
export const MAX_RULE_PARTS = 100;

export interface RuleSize {
	/** Levels of and/or/not above the deepest condition: 0 for a single condition. */
	depth: number;
	/** Conditions, and/or groups and nots in the tree. */
	parts: number;
	/** Where the outermost and/or/not starts (the rule's start when it has none). */
	loc: SourceAt;
}

/** Measures a parsed rule without recursion, so a rule nested thousands deep is measured, not a stack overflow. */
export function measureRule(raw: RawExpression): RuleSize {
	let depth = 0;
	let parts = 0;
	const stack: { node: RawExpression; level: number }[] = [{ node: raw, level: 0 }];
	while (stack.length > 0) {
		const { node, level } = stack.pop()!;
		parts++;
		if (node.kind === 'not') stack.push({ node: node.item, level: level + 1 });
		else if (node.kind === 'and' || node.kind === 'or') for (const item of node.items) stack.push({ node: item, level: level + 1 });
		else depth = Math.max(depth, level);
	}
	return { depth, parts, loc: raw.loc };
}

/** Why a rule is too big to run, or null when it is not. */
export function describeTooBig(size: RuleSize): string | null {
	if (size.depth > MAX_RULE_DEPTH)
		return `this rule nests ${size.depth} levels deep (and, or and not inside one another); rules can nest at most ${MAX_RULE_DEPTH}. Simplify it, for example by removing double nots.`;
	if (size.parts > MAX_RULE_PARTS)
		return `this rule has ${size.parts} parts (conditions, and/or groups and nots); rules can have at most ${MAX_RULE_PARTS}. Simplify it, or split it into several signals.`;
	return null;
}
