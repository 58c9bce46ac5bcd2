import { describe, expect, it } from 'vitest';
import { lifecycleSteps } from './lifecycleOverTime';

const range = { start: 0, end: 100 };
const e = (type: string, at: number) => ({ type, at });

describe('lifecycleSteps', () => {
	it('keeps the stored stage over the whole history when nothing changed it', () => {
		expect(lifecycleSteps([e('web_visit', 0), e('product_login', 40)], 'lead', range)).toEqual([{ from: 0, to: 100, lifecycle: 'lead' }]);
		expect(lifecycleSteps([], 'customer', range)).toEqual([{ from: 0, to: 100, lifecycle: 'customer' }]);
	});

	it('is a prospect before the purchase, a customer from it, churned from the churn', () => {
		const events = [e('web_visit', 0), e('purchase', 20), e('product_login', 30), e('churned', 70)];
		expect(lifecycleSteps(events, 'churned', range)).toEqual([
			{ from: 0, to: 20, lifecycle: 'prospect' },
			{ from: 20, to: 70, lifecycle: 'customer' },
			{ from: 70, to: 100, lifecycle: 'churned' }
		]);
	});

	it('is a customer again after a later purchase', () => {
		const events = [e('purchase', 0), e('churned', 30), e('purchase', 60)];
		expect(lifecycleSteps(events, 'customer', range)).toEqual([
			{ from: 0, to: 30, lifecycle: 'customer' },
			{ from: 30, to: 60, lifecycle: 'churned' },
			{ from: 60, to: 100, lifecycle: 'customer' }
		]);
	});

	it('reads a churn without a recorded purchase as a customer until the churn', () => {
		expect(lifecycleSteps([e('product_login', 0), e('churned', 50)], 'churned', range)).toEqual([
			{ from: 0, to: 50, lifecycle: 'customer' },
			{ from: 50, to: 100, lifecycle: 'churned' }
		]);
	});

	it('lets the timeline win over a stored stage that disagrees, and the later of two events at one time', () => {
		expect(lifecycleSteps([e('web_visit', 0), e('purchase', 10)], 'lead', range).at(-1)).toEqual({ from: 10, to: 100, lifecycle: 'customer' });
		expect(lifecycleSteps([e('purchase', 10), e('churned', 10)], 'customer', range)).toEqual([
			{ from: 0, to: 10, lifecycle: 'prospect' },
			{ from: 10, to: 100, lifecycle: 'churned' }
		]);
	});
});
