import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SeenKeys } from './seenKeys';

describe('SeenKeys', () => {
	it('answers like a Map from key to first row, through growth', () => {
		fc.assert(
			fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 400 }), (keys) => {
				const seen = new SeenKeys(4);
				const model = new Map<string, number>();
				keys.forEach((key, i) => {
					const row = i + 1;
					expect(seen.remember(key, row)).toBe(model.get(key));
					if (!model.has(key)) model.set(key, row);
				});
				expect(seen.size).toBe(model.size);
				for (const [key, row] of model) expect(seen.firstRow(key)).toBe(row);
			})
		);
	});

	it('keeps a hundred thousand similar emails apart', () => {
		const seen = new SeenKeys();
		let clashes = 0;
		for (let i = 1; i <= 100_000; i++) if (seen.remember(`e:person${i}@example.com`, i) !== undefined) clashes++;
		expect(clashes).toBe(0);
		expect(seen.firstRow('e:person777@example.com')).toBe(777);
		expect(seen.remember('e:person99999@example.com', 200_000)).toBe(99_999);
	});
});
