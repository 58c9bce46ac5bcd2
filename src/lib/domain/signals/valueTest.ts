/**
 * How a rule compares a stored value (an activity property, an account or contact attribute)
 * with the value written in the rule. The SQL compiler must follow the same rules:
 * - text of a stored value: a string as is, a finite number or a boolean as its JSON text;
 *   anything else (null, missing, objects, arrays) is "missing".
 * - number of a stored value: a finite number, or a string that is exactly an optional minus,
 *   digits and an optional fraction (`^-?[0-9]+(\.[0-9]+)?$`); anything else is not a number.
 * - text comparisons ignore upper/lower case (both sides lower-cased).
 */
import type { RuleValue, ValueTest } from './rule';

const NUMBER_TEXT = /^-?[0-9]+(\.[0-9]+)?$/;

export function storedText(stored: unknown): string | null {
	if (typeof stored === 'string') return stored;
	if (typeof stored === 'number') return Number.isFinite(stored) ? String(stored) : null;
	if (typeof stored === 'boolean') return String(stored);
	return null;
}

export function storedNumber(stored: unknown): number | null {
	if (typeof stored === 'number') return Number.isFinite(stored) ? stored : null;
	if (typeof stored === 'string' && NUMBER_TEXT.test(stored)) return Number(stored);
	return null;
}

function equals(stored: unknown, value: RuleValue): boolean {
	if (typeof value === 'number') return storedNumber(stored) === value;
	const text = storedText(stored);
	return text !== null && text.toLowerCase() === value.toLowerCase();
}

/** True when the stored value passes the rule's test. */
export function passesTest(test: ValueTest, stored: unknown): boolean {
	switch (test.op) {
		case '=':
			return equals(stored, test.value);
		case '!=':
			return !equals(stored, test.value);
		case 'in':
			return test.values.some((value) => equals(stored, value));
		case '~': {
			const text = storedText(stored);
			return text !== null && text.toLowerCase().includes(test.value.toLowerCase());
		}
		default: {
			const n = storedNumber(stored);
			if (n === null) return false;
			if (test.op === '>') return n > test.value;
			if (test.op === '>=') return n >= test.value;
			if (test.op === '<') return n < test.value;
			return n <= test.value;
		}
	}
}
