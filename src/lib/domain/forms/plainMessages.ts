/**
 * Zod's messages for the checks a schema gives no message of its own, in the app's plain words:
 * "This field is required." rather than "Invalid input: expected string, received undefined".
 * Forms and the REST API read input through modules that import this one, so it is installed
 * before anything is parsed (z.config is process-wide; a schema's own message still wins).
 */
import { z } from 'zod';

const KINDS: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	object: 'an object',
	array: 'a list',
	date: 'a date'
};

/** What a received value is, in the words of KINDS. */
function describeValue(input: unknown): string {
	if (input === null) return 'null';
	if (Array.isArray(input)) return KINDS.array;
	return KINDS[typeof input] ?? typeof input;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The plain message for an issue, or undefined to keep zod's own. */
export function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined) return 'This field is required.';
			return `Expected ${KINDS[issue.expected] ?? issue.expected}, not ${describeValue(issue.input)}.`;
		case 'unrecognized_keys':
			return `${issue.keys.length === 1 ? 'Unknown field' : 'Unknown fields'}: ${issue.keys.join(', ')}. Leave ${issue.keys.length === 1 ? 'it' : 'them'} out.`;
		case 'too_big': {
			const limit = Number(issue.maximum);
			if (issue.origin === 'string') return `Too long: at most ${plural(limit, 'character', 'characters')}.`;
			if (issue.origin === 'array' || issue.origin === 'set') return `Too many: at most ${plural(limit, 'item', 'items')}.`;
			if (issue.origin === 'number' || issue.origin === 'int') return `Too large: at most ${limit.toLocaleString('en-US')}.`;
			return undefined;
		}
		case 'too_small': {
			const limit = Number(issue.minimum);
			if (issue.origin === 'string') return limit <= 1 ? 'This field is required.' : `Too short: at least ${plural(limit, 'character', 'characters')}.`;
			if (issue.origin === 'array' || issue.origin === 'set') return `Too few: at least ${plural(limit, 'item', 'items')}.`;
			if (issue.origin === 'number' || issue.origin === 'int') return `Too small: at least ${limit.toLocaleString('en-US')}.`;
			return undefined;
		}
		case 'invalid_value':
			return `Choose one of: ${issue.values.map(String).join(', ')}.`;
		case 'invalid_format':
			return issue.format === 'regex' ? undefined : `Not a valid ${issue.format === 'uuid' ? 'id (a UUID)' : issue.format === 'email' ? 'email address' : issue.format}.`;
		default:
			return undefined;
	}
}

z.config({ customError: describeIssue });
