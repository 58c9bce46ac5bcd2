import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { importIssue, importJob, user } from '../db/schema';
import type { ImportEntity } from '../../domain/import/fields';
import type { ImportPlan } from '../../domain/import/plan';
import type { Preset } from '../../domain/import/presets';
import type { FileProfile } from './profileFile';
import type { RunIssue } from './runImportFile';

export type ImportJob = typeof importJob.$inferSelect;
export type JobStatus = 'uploading' | 'ready' | 'running' | 'checked' | 'done' | 'failed' | 'cancelled';

export interface StoredPlan extends ImportPlan {
	preset: Preset;
}

export const jobPlan = (job: ImportJob) => job.plan as unknown as StoredPlan | null;
export const jobProfile = (job: ImportJob) => job.profile as unknown as FileProfile | null;

export async function createImportJob(db: Database, input: { workspaceId: string; userId: string; entity: ImportEntity; fileName: string; fileSize: number }) {
	const [job] = await db
		.insert(importJob)
		.values({
			workspaceId: input.workspaceId,
			createdBy: input.userId,
			entity: input.entity,
			fileName: input.fileName.slice(0, 200),
			fileSize: input.fileSize,
			status: 'uploading'
		})
		.returning();
	return job;
}

export async function getImportJob(db: Database, workspaceId: string, jobId: string): Promise<ImportJob | null> {
	const [job] = await db.select().from(importJob).where(and(eq(importJob.workspaceId, workspaceId), eq(importJob.id, jobId)));
	return job ?? null;
}

export async function listImportJobs(db: Database, workspaceId: string, limit = 20) {
	return db
		.select({
			id: importJob.id,
			entity: importJob.entity,
			fileName: importJob.fileName,
			status: importJob.status,
			phase: importJob.phase,
			totalRows: importJob.totalRows,
			rowsRead: importJob.rowsRead,
			created: importJob.created,
			updated: importJob.updated,
			errors: importJob.errors,
			createdAt: importJob.createdAt,
			createdByName: user.name
		})
		.from(importJob)
		.leftJoin(user, eq(user.id, importJob.createdBy))
		.where(eq(importJob.workspaceId, workspaceId))
		.orderBy(desc(importJob.createdAt))
		.limit(limit);
}

/** The upload is complete and read: the job waits for its mapping to be checked. */
export async function markReady(db: Database, jobId: string, profile: FileProfile, plan: StoredPlan, fileSize: number) {
	await db
		.update(importJob)
		.set({ status: 'ready', profile: profile as unknown as Record<string, unknown>, plan: plan as unknown as Record<string, unknown>, totalRows: profile.rows, fileSize })
		.where(eq(importJob.id, jobId));
}

export async function savePlan(db: Database, workspaceId: string, jobId: string, plan: StoredPlan) {
	await db
		.update(importJob)
		.set({ plan: plan as unknown as Record<string, unknown> })
		.where(and(eq(importJob.workspaceId, workspaceId), eq(importJob.id, jobId)));
}

/**
 * Claims the job for a run; false when it is already running or not ready (two clicks, two
 * tabs, two app processes: only one run starts).
 */
export async function claimRun(db: Database, workspaceId: string, jobId: string, phase: 'dry_run' | 'import', allOrNothing: boolean): Promise<boolean> {
	const rows = await db
		.update(importJob)
		.set({
			status: 'running',
			phase,
			allOrNothing,
			cancelRequested: false,
			rowsRead: 0,
			bytesRead: 0,
			created: 0,
			updated: 0,
			unchanged: 0,
			duplicates: 0,
			errors: 0,
			message: null,
			startedAt: new Date(),
			heartbeatAt: new Date(),
			finishedAt: null
		})
		.where(
			and(
				eq(importJob.workspaceId, workspaceId),
				eq(importJob.id, jobId),
				sql`${importJob.status} in ('ready', 'checked', 'failed', 'cancelled')`
			)
		)
		.returning({ id: importJob.id });
	return rows.length > 0;
}

export interface ProgressFields {
	rowsRead: number;
	bytesRead: number;
	created: number;
	updated: number;
	unchanged: number;
	duplicates: number;
	errors: number;
}

export async function saveProgress(db: Database, jobId: string, progress: ProgressFields) {
	await db.update(importJob).set({ ...progress, heartbeatAt: new Date() }).where(eq(importJob.id, jobId));
}

export async function isCancelRequested(db: Database, jobId: string): Promise<boolean> {
	const [row] = await db.select({ cancel: importJob.cancelRequested }).from(importJob).where(eq(importJob.id, jobId));
	return !!row?.cancel;
}

export async function requestCancel(db: Database, workspaceId: string, jobId: string): Promise<boolean> {
	const rows = await db
		.update(importJob)
		.set({ cancelRequested: true })
		.where(and(eq(importJob.workspaceId, workspaceId), eq(importJob.id, jobId), eq(importJob.status, 'running')))
		.returning({ id: importJob.id });
	return rows.length > 0;
}

/** Ends a run: its final counts, status and message, and the issues it found (replacing the last run's). */
export async function finishRun(db: Database, jobId: string, status: JobStatus, progress: ProgressFields, message: string | null, issues: RunIssue[]) {
	await db.transaction(async (tx) => {
		await tx.delete(importIssue).where(eq(importIssue.jobId, jobId));
		for (let i = 0; i < issues.length; i += 1000) {
			await tx.insert(importIssue).values(
				issues.slice(i, i + 1000).map((issue) => ({
					jobId,
					rowNumber: issue.rowNumber,
					kind: issue.kind,
					column: issue.column,
					reason: issue.reason,
					cells: issue.cells
				}))
			);
		}
		await tx
			.update(importJob)
			.set({ ...progress, status, message, finishedAt: new Date(), heartbeatAt: new Date() })
			.where(eq(importJob.id, jobId));
	});
}

export async function listIssues(db: Database, jobId: string, limit = 200) {
	return db
		.select({ rowNumber: importIssue.rowNumber, kind: importIssue.kind, column: importIssue.column, reason: importIssue.reason })
		.from(importIssue)
		.where(eq(importIssue.jobId, jobId))
		.orderBy(asc(importIssue.rowNumber), asc(importIssue.id))
		.limit(limit);
}

/** The stored issues in row order, a page at a time (for the errors file). */
export async function* iterateIssues(db: Database, jobId: string, pageSize = 1000) {
	let after = 0;
	for (;;) {
		const page = await db
			.select()
			.from(importIssue)
			.where(and(eq(importIssue.jobId, jobId), sql`${importIssue.id} > ${after}`))
			.orderBy(asc(importIssue.id))
			.limit(pageSize);
		if (!page.length) return;
		yield* page;
		after = page[page.length - 1].id;
	}
}

/**
 * Runs that stopped without finishing (the app was restarted mid-import): marked failed with
 * what to do, so the page does not show a progress bar forever. `alive` are the jobs this
 * process is running; others are judged by their heartbeat.
 */
export async function failStalledJobs(db: Database, workspaceId: string, alive: Set<string>, staleAfterMs = 120_000) {
	const stalled = await db
		.select({ id: importJob.id, phase: importJob.phase })
		.from(importJob)
		.where(
			and(
				eq(importJob.workspaceId, workspaceId),
				eq(importJob.status, 'running'),
				sql`${importJob.heartbeatAt} < ${new Date(Date.now() - staleAfterMs).toISOString()}::timestamptz`
			)
		);
	for (const job of stalled) {
		if (alive.has(job.id)) continue;
		await db
			.update(importJob)
			.set({
				status: 'failed',
				finishedAt: new Date(),
				message:
					job.phase === 'import'
						? 'The import stopped when the app restarted. Rows saved before that are kept; run the import again: rows already imported are matched, not duplicated.'
						: 'The dry run stopped when the app restarted. Run it again.'
			})
			.where(and(eq(importJob.id, job.id), eq(importJob.status, 'running')));
	}
}
