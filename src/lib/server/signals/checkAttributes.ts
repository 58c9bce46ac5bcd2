import type { RuleExpression } from '$lib/domain/signals/rule';
import { RuleCompileError } from './compileValueTest';

/** The account and contact columns a rule may compare; the compiler reads only these. */
const ACCOUNT_COLUMNS = new Set(['lifecycle', 'plan', 'arr', 'industry', 'size']);
const CONTACT_COLUMNS = new Set(['lifecycle', 'title']);

/** Refuses a rule that names an account or contact attribute the store does not have. */
export function checkAttributes(expr: RuleExpression): void {
	if (expr.kind === 'and' || expr.kind === 'or') expr.items.forEach(checkAttributes);
	else if (expr.kind === 'not') checkAttributes(expr.item);
	else if (expr.kind === 'account' && !ACCOUNT_COLUMNS.has(expr.attribute))
		throw new RuleCompileError(`unknown account attribute ${expr.attribute}`);
	else if (expr.kind === 'contact' && !CONTACT_COLUMNS.has(expr.attribute))
		throw new RuleCompileError(`unknown contact attribute ${expr.attribute}`);
}
