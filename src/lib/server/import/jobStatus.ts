import { liveRun } from './jobRunner';
import type { ImportJob } from './importJobs';

export interface JobStatusView {
	status: string;
	phase: string;
	rowsRead: number;
	totalRows: number | null;
	counts: { created: number; updated: number; unchanged: number; duplicates: number; errors: number };
	/** Rows per second since the run started. */
	rate: number | null;
	/** Seconds left at that rate. */
	etaSeconds: number | null;
	message: string | null;
}

/** The job as the progress bar shows it: from this process's live run when there is one, else the saved row. */
export function jobStatusView(job: ImportJob, now = Date.now()): JobStatusView {
	const run = job.status === 'running' ? liveRun(job.id) : undefined;
	const rowsRead = run ? run.progress.rowsRead : job.rowsRead;
	const counts = run
		? run.progress.counts
		: { created: job.created, updated: job.updated, unchanged: job.unchanged, duplicates: job.duplicates, errors: job.errors };
	const started = run?.startedAt ?? job.startedAt?.getTime() ?? null;
	const ended = job.status === 'running' ? now : (job.finishedAt?.getTime() ?? now);
	const seconds = started ? (ended - started) / 1000 : 0;
	const rate = seconds > 0.5 && rowsRead > 0 ? rowsRead / seconds : null;
	const left = job.totalRows !== null ? Math.max(0, job.totalRows - rowsRead) : null;
	return {
		status: job.status,
		phase: job.phase,
		rowsRead,
		totalRows: job.totalRows,
		counts,
		rate: rate === null ? null : Math.round(rate),
		etaSeconds: job.status === 'running' && rate && left !== null ? Math.ceil(left / rate) : null,
		message: job.message
	};
}
