import { z } from 'zod';

/** "Mark as read" on one alert of the inbox. */
export const alertReadInput = z.object({
	alertId: z.uuid('Choose an alert to mark as read.')
});
