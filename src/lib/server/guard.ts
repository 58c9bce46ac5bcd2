import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { useDatabase } from './db/app';
import { findWorkspaceContext, type WorkspaceContext } from './workspaces';
import { can, refusalFor, type Action } from '../domain/auth/permissions';
import type { Database } from './db/index';

export interface Guarded extends WorkspaceContext {
	db: Database;
	userId: string;
}

/**
 * Every workspace page and action starts here: signed in, a member of the workspace in the URL,
 * and allowed `action`. Non-members get 404 so workspace names do not leak.
 */
export async function requireWorkspace(event: RequestEvent, action: Action = 'crm.read'): Promise<Guarded> {
	const user = event.locals.user;
	if (!user) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	const db = await useDatabase();
	const slug = event.params.workspace ?? '';
	const context = await findWorkspaceContext(db, slug, user.id);
	if (!context) error(404, { message: 'There is no workspace here, or you are not a member of it.' });
	if (!can(context.member.role, action)) error(403, { message: refusalFor(action) });
	return { ...context, db, userId: user.id };
}

export async function requireUser(event: RequestEvent) {
	const user = event.locals.user;
	if (!user) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
	return { user, db: await useDatabase() };
}
