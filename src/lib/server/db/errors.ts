/** The SQLSTATE codes of a database error and the errors it wraps (drizzle wraps the driver's). */
function sqlStates(error: unknown): string[] {
	const codes: string[] = [];
	for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
		if (typeof e.code === 'string') codes.push(e.code);
	}
	return codes;
}

/** Whether a database error (possibly wrapped by drizzle) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
	return sqlStates(error).includes('23505');
}

/**
 * Whether a database error is a data exception (SQLSTATE class 22: a number or interval out of
 * range, and the like): the values a query was given cannot be computed with, not a broken query.
 */
export function isDataException(error: unknown): boolean {
	return sqlStates(error).some((code) => /^22[0-9A-Z]{3}$/.test(code));
}

/**
 * SQLSTATE codes of a value too large (or too small) for its type: numeric_value_out_of_range,
 * datetime_field_overflow, interval_field_overflow. Only these mean "use a smaller number".
 */
const OUT_OF_RANGE = ['22003', '22008', '22015'];

/** Whether a database error is a number, date or interval out of range (see isDataException for the whole class). */
export function isOutOfRange(error: unknown): boolean {
	return sqlStates(error).some((code) => OUT_OF_RANGE.includes(code));
}
