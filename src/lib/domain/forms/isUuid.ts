const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs are checked before they reach SQL, so a mistyped link is a 404, not a database error. */
export function isUuid(value: string | null | undefined): value is string {
	return !!value && UUID.test(value);
}
