import type { ActivityType } from '../crm/activityTypes';
import type { RuleExpression } from './rule';
import { LIFECYCLE_EVENTS, type LifecycleEventType } from './lifecycleOverTime';

/**
 * Every activity type a rule looks at: the only activities its evaluation needs to load. A
 * `lifecycle` condition reads purchases and churns (the stage over time).
 */
export function listRuleEventTypes(rule: RuleExpression): Set<ActivityType> {
	const types = new Set<ActivityType>();
	const walk = (r: RuleExpression): void => {
		switch (r.kind) {
			case 'and':
			case 'or':
				r.items.forEach(walk);
				break;
			case 'not':
				walk(r.item);
				break;
			case 'count':
			case 'absence':
				types.add(r.event.type);
				break;
			case 'sequence':
				types.add(r.first.type);
				types.add(r.then.type);
				break;
			case 'account':
				if (r.attribute === 'lifecycle') for (const t of Object.keys(LIFECYCLE_EVENTS)) types.add(t as LifecycleEventType);
				break;
		}
	};
	walk(rule);
	return types;
}
