/**
 * A rule's account conditions read today's values. A churned account's lifecycle is `churned`
 * today, but before it churned (the time a churn trigger is about) it was a customer. This
 * rewrites `lifecycle` conditions so churned accounts are read as the customers they were:
 * `lifecycle = customer` holds for them, `lifecycle = churned` does not.
 */
import type { AccountCondition, Rule, RuleExpression } from '../signals/rule';
import { passesTest } from '../signals/valueTest';

const CHURNED: AccountCondition = { kind: 'account', attribute: 'lifecycle', test: { op: '=', value: 'churned' } };

function rewrite(node: RuleExpression): RuleExpression {
	switch (node.kind) {
		case 'and':
		case 'or':
			return { ...node, items: node.items.map(rewrite) };
		case 'not':
			return { ...node, item: rewrite(node.item) };
		case 'account': {
			if (node.attribute !== 'lifecycle') return node;
			const asCustomer = passesTest(node.test, 'customer');
			const asChurned = passesTest(node.test, 'churned');
			if (asCustomer === asChurned) return node;
			return asCustomer
				? { kind: 'or', items: [node, CHURNED] }
				: { kind: 'and', items: [node, { kind: 'not', item: CHURNED }] };
		}
		default:
			return node;
	}
}

/** The rule as it would have read before churn: churned accounts count as customers. */
export function ruleBeforeChurn(rule: Rule): Rule {
	return rewrite(rule);
}
