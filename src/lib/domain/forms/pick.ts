/** A query-string value if it is one of the allowed values, else null (bad links fall back to defaults). */
export function pick<T extends string>(allowed: readonly T[], value: string | null | undefined): T | null {
	return value && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}
