import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/index';
import { onboardingProgress, readingPath } from '../db/schema';

export async function getReadingPath(db: Database, workspaceId: string): Promise<string[]> {
	const [row] = await db.select({ sections: readingPath.sections }).from(readingPath).where(eq(readingPath.workspaceId, workspaceId));
	return row?.sections ?? [];
}

export async function setReadingPath(db: Database, workspaceId: string, sections: string[], updatedBy: string): Promise<void> {
	const unique = [...new Set(sections)];
	await db
		.insert(readingPath)
		.values({ workspaceId, sections: unique, updatedBy })
		.onConflictDoUpdate({ target: readingPath.workspaceId, set: { sections: unique, updatedBy, updatedAt: new Date() } });
}

export interface OnboardingState {
	pinnedRevision: number;
	sectionsRead: string[];
	startedAt: Date;
	finishedAt: Date | null;
}

export async function getOnboarding(db: Database, workspaceId: string, userId: string): Promise<OnboardingState | null> {
	const [row] = await db
		.select({
			pinnedRevision: onboardingProgress.pinnedRevision,
			sectionsRead: onboardingProgress.sectionsRead,
			startedAt: onboardingProgress.startedAt,
			finishedAt: onboardingProgress.finishedAt
		})
		.from(onboardingProgress)
		.where(and(eq(onboardingProgress.workspaceId, workspaceId), eq(onboardingProgress.userId, userId)));
	return row ?? null;
}

/** Starts the reader on the path, pinned to the current revision so the text does not move under them. */
export async function startOnboarding(db: Database, workspaceId: string, userId: string, revision: number): Promise<OnboardingState> {
	await db.insert(onboardingProgress).values({ workspaceId, userId, pinnedRevision: revision }).onConflictDoNothing();
	return (await getOnboarding(db, workspaceId, userId))!;
}

/** Marks a path section read; when every section of the path is read, the path is finished. */
export async function markSectionRead(db: Database, workspaceId: string, userId: string, slug: string): Promise<OnboardingState | null> {
	return db.transaction(async (tx) => {
		const [state] = await tx
			.select()
			.from(onboardingProgress)
			.where(and(eq(onboardingProgress.workspaceId, workspaceId), eq(onboardingProgress.userId, userId)))
			.for('update');
		if (!state) return null;
		const path = await getReadingPath(tx, workspaceId);
		const read = [...new Set([...state.sectionsRead, slug])].filter((s) => path.includes(s));
		const finished = path.length > 0 && path.every((s) => read.includes(s));
		await tx
			.update(onboardingProgress)
			.set({ sectionsRead: read, finishedAt: finished ? (state.finishedAt ?? new Date()) : null })
			.where(and(eq(onboardingProgress.workspaceId, workspaceId), eq(onboardingProgress.userId, userId)));
		return getOnboarding(tx, workspaceId, userId);
	});
}
