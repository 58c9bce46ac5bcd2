import type { Database } from '../db/index';
import { recordAudit } from '../audit';
import { ENTITY_LABELS, type ImportEntity } from '../../domain/import/fields';
import { claimRun, finishRun, isCancelRequested, jobPlan, saveProgress, type ImportJob, type ProgressFields } from './importJobs';
import { importFilePath } from './importFiles';
import { runImportFile, type RunCounts, type RunMode, type RunProgress } from './runImportFile';

interface LiveRun {
	phase: RunMode;
	startedAt: number;
	progress: RunProgress;
	cancel: boolean;
}

/** Runs in this process, so the status endpoint can answer from memory (and cancel at once). */
const holder = globalThis as typeof globalThis & { __signalroomImports?: Map<string, LiveRun> };
const live = (holder.__signalroomImports ??= new Map());

export const liveRun = (jobId: string): LiveRun | undefined => live.get(jobId);
export const liveJobIds = () => new Set(live.keys());

/** PGlite has one connection: a write outside an open transaction would wait for it to end. */
const oneConnection = (db: Database) => 'waitReady' in ((db as unknown as { $client?: object }).$client ?? {});

const progressFields = (p: RunProgress): ProgressFields => ({ rowsRead: p.rowsRead, bytesRead: p.bytesRead, ...p.counts });

export function describeCounts(entity: ImportEntity, c: RunCounts): string {
	const parts = [`${c.created} created`, `${c.updated} updated`, `${c.unchanged} unchanged`];
	if (c.duplicates) parts.push(`${c.duplicates} duplicates skipped`);
	if (c.errors) parts.push(`${c.errors} refused`);
	return `${ENTITY_LABELS[entity].many}: ${parts.join(', ')}`;
}

/**
 * Starts a dry run or an import of the job's file in the background and returns at once;
 * false when the job cannot start (already running, or no mapping yet). Progress is saved on
 * the job row after every batch, so a reloaded page (or another app process) sees it.
 */
export async function startImportRun(
	db: Database,
	job: ImportJob,
	phase: RunMode,
	options: { allOrNothing: boolean; actor: { id: string; name: string } }
): Promise<boolean> {
	const plan = jobPlan(job);
	if (!plan) return false;
	if (!(await claimRun(db, job.workspaceId, job.id, phase, options.allOrNothing))) return false;
	const run: LiveRun = {
		phase,
		startedAt: Date.now(),
		progress: { rowsRead: 0, bytesRead: 0, counts: { created: 0, updated: 0, unchanged: 0, duplicates: 0, errors: 0 } },
		cancel: false
	};
	live.set(job.id, run);
	const allOrNothing = phase === 'import' && options.allOrNothing;
	const canWriteAside = !(allOrNothing && oneConnection(db));
	void (async () => {
		try {
			const result = await runImportFile({
				db,
				workspaceId: job.workspaceId,
				filePath: importFilePath(job.id),
				plan,
				mode: phase,
				allOrNothing,
				onProgress: async (p) => {
					run.progress = p;
					if (canWriteAside) await saveProgress(db, job.id, progressFields(p));
				},
				isCancelled: async () => run.cancel || (canWriteAside && (await isCancelRequested(db, job.id))),
				onCommit: (tx, r) =>
					recordAudit(tx, {
						workspaceId: job.workspaceId,
						actorId: options.actor.id,
						actorLabel: options.actor.name,
						action: 'import.run',
						subjectType: 'import_job',
						subjectId: job.id,
						summary: `Imported ${job.fileName}. ${describeCounts(job.entity as ImportEntity, r.counts)}.`,
						details: { entity: job.entity, fileName: job.fileName, rows: r.rowsRead, ...r.counts, allOrNothing }
					})
			});
			const fields = { rowsRead: result.rowsRead, bytesRead: run.progress.bytesRead, ...result.counts };
			const { status, message } = conclusion(phase, result.outcome, result.counts, result.issuesTruncated);
			await finishRun(db, job.id, status, fields, message, result.issues);
		} catch (e) {
			console.error(`Import ${job.id} failed:`, e);
			await finishRun(
				db,
				job.id,
				'failed',
				progressFields(run.progress),
				phase === 'import' && !allOrNothing
					? 'The import stopped on an error on our side. Rows saved before it are kept; run it again: rows already imported are matched, not duplicated.'
					: 'The run stopped on an error on our side; nothing was saved. Try again.',
				[]
			).catch((err) => console.error(`Could not record the failure of import ${job.id}:`, err));
		} finally {
			live.delete(job.id);
		}
	})();
	return true;
}

function conclusion(phase: RunMode, outcome: 'done' | 'cancelled' | 'rolled_back', c: RunCounts, truncated: boolean) {
	const more = truncated ? ' The report lists the first 5,000 problems.' : '';
	if (outcome === 'rolled_back') {
		return {
			status: 'failed' as const,
			message: `${c.errors.toLocaleString('en-US')} rows had errors, so nothing was imported (all or nothing). Download the errors, fix the file and run again.${more}`
		};
	}
	if (outcome === 'cancelled') {
		return {
			status: 'cancelled' as const,
			message:
				phase === 'dry_run'
					? 'Dry run cancelled.'
					: c.created + c.updated > 0
						? 'Import cancelled. Rows of the batches finished before it are saved; run it again to finish: they are matched, not duplicated.'
						: 'Import cancelled; nothing was saved.'
		};
	}
	if (phase === 'dry_run') return { status: 'checked' as const, message: c.errors ? `Fix the rows with errors, or import and they will be refused.${more}` : null };
	return { status: 'done' as const, message: c.errors ? `${c.errors.toLocaleString('en-US')} rows were refused; download them, fix and import them again.${more}` : null };
}

/** Asks a run to stop after its current batch. */
export function cancelLiveRun(jobId: string): void {
	const run = live.get(jobId);
	if (run) run.cancel = true;
}
