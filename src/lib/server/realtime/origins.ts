/**
 * Origins allowed to open a realtime connection: the app's own ORIGIN, plus any listed in
 * ALLOWED_ORIGINS (comma-separated), plus http://localhost:PORT for a plain local start.
 */
export function allowedOrigins(env: Record<string, string | undefined> = process.env): Set<string> {
	const list = [env.ORIGIN, `http://localhost:${env.PORT ?? '3000'}`, `http://127.0.0.1:${env.PORT ?? '3000'}`, ...(env.ALLOWED_ORIGINS ?? '').split(',')];
	return new Set(list.map((o) => o?.trim().replace(/\/$/, '')).filter((o): o is string => !!o));
}

/** A browser always sends Origin on a WebSocket or polling request; no Origin means not a browser page of ours. */
export function isAllowedOrigin(origin: string | undefined, allowed: Set<string>): boolean {
	return !!origin && allowed.has(origin.replace(/\/$/, ''));
}
