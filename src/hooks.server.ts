import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { startDatabase, stopDatabase, useDatabase } from '$lib/server/db/app';
import { DataDirInUseError } from '$lib/server/db/dataDirLock';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { clearSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { printBanner } from '$lib/server/banner';
import { seedDemoWorkspace } from '$lib/server/demo/seedDemoWorkspace';
import { attachRealtime } from '$lib/server/realtime/attachRealtime';
import { realtimeSlot } from '$lib/server/realtime/httpServerSlot';
import { startSignalSweeps, stopSignalSweeps } from '$lib/server/signals/sweepSchedule';
import { startDataAuditSchedule } from '$lib/server/hygiene/auditSchedule';
import { startSmartListSnapshots, stopSmartListSnapshots } from '$lib/server/smartLists/snapshotSchedule';
import { checkFormOrigin } from '$lib/server/csrf';
import { apiErrorsAsJson } from '$lib/server/api/apiErrorsAsJson';
import { startWebhookWorker } from '$lib/server/webhooks/worker';
import { refuseUnusableInput } from '$lib/server/unusableInput';

export const init: ServerInit = async () => {
	try {
		const opened = await startDatabase();
		const demo = process.env.SIGNALROOM_DEMO === 'off' ? null : await seedDemoWorkspace(opened.db, {});
		printBanner(opened, demo);
		const httpServer = realtimeSlot.__signalroomHttpServer;
		if (httpServer && !realtimeSlot.__signalroomRealtime) realtimeSlot.__signalroomRealtime = attachRealtime(httpServer, { database: useDatabase });
		startSignalSweeps(useDatabase);
		startSmartListSnapshots(useDatabase);
		const jobs = globalThis as typeof globalThis & { __signalroomAuditSchedule?: unknown };
		jobs.__signalroomAuditSchedule ??= startDataAuditSchedule(useDatabase);
	} catch (e) {
		if (e instanceof DataDirInUseError) {
			console.error(`\n${e.message}\n`);
			process.exit(1);
		}
		throw e;
	}
	// Signed webhook deliveries go out from here, after the changes that queued them committed.
	const webhooks = startWebhookWorker(useDatabase);
	// adapter-node emits this after the HTTP server has stopped on SIGINT/SIGTERM.
	process.once('sveltekit:shutdown' as 'exit', () => {
		stopSignalSweeps();
		stopSmartListSnapshots();
		webhooks.stop();
		void stopDatabase();
	});
};

const authenticate: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.sessionId = null;
	if (token) {
		const db = await useDatabase();
		const found = await validateSessionToken(db, token);
		if (found) {
			event.locals.user = found.user;
			event.locals.sessionId = found.session.id;
			setSessionCookie(event.cookies, event.url, token, found.session.expiresAt);
		} else {
			clearSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	return response;
};

export const handle = sequence(checkFormOrigin, apiErrorsAsJson, authenticate, securityHeaders, refuseUnusableInput);
