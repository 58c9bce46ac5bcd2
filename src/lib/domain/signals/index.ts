/** The playbook's signal rule language: parse, explain in words, evaluate on a timeline. */
export * from './rule';
export { parseRule, type ParseRuleResult, type RuleError } from './parseRule';
export { describeRule } from './describeRule';
export {
	evaluateRule,
	evaluateRules,
	type RuleEvaluation,
	type RuleOccurrence,
	type RuleTimeline,
	type RuleTimelineAccount,
	type RuleTimelineActivity,
	type RuleTimelineContact
} from './evaluateRule';
export { passesTest, storedNumber, storedText } from './valueTest';
export { RULE_LANGUAGE_HELP } from './ruleLanguageHelp';
