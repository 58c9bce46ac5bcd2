import type { ActivityType } from './activityTypes';
import type { Department } from './vocabulary';

/** One event as a timeline shows it: the activity plus the names of who was involved. */
export interface TimelineItem {
	id: number;
	type: ActivityType;
	occurredAt: Date;
	department: Department;
	properties: Record<string, unknown>;
	contactId: string | null;
	contactName: string | null;
	actorName: string | null;
}
