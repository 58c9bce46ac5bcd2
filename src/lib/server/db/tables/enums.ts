import { pgEnum } from 'drizzle-orm/pg-core';
import {
	ACCOUNT_LIFECYCLES,
	CONTACT_LIFECYCLES,
	DEAL_OUTCOMES,
	DEAL_STAGES,
	DEPARTMENTS,
	ROLES,
	TASK_STATUSES
} from '../../../domain/crm/vocabulary';
import { ACTIVITY_TYPES } from '../../../domain/crm/activityTypes';

export const roleEnum = pgEnum('role', ROLES);
export const departmentEnum = pgEnum('department', DEPARTMENTS);
export const accountLifecycleEnum = pgEnum('account_lifecycle', ACCOUNT_LIFECYCLES);
export const contactLifecycleEnum = pgEnum('contact_lifecycle', CONTACT_LIFECYCLES);
export const dealStageEnum = pgEnum('deal_stage', DEAL_STAGES);
export const dealOutcomeEnum = pgEnum('deal_outcome', DEAL_OUTCOMES);
export const taskStatusEnum = pgEnum('task_status', TASK_STATUSES);
export const activityTypeEnum = pgEnum('activity_type', ACTIVITY_TYPES);
