import { eq } from 'drizzle-orm';
import type { Database } from '../db/index';
import { importJob } from '../db/schema';
import type { ImportEntity } from '../../domain/import/fields';
import { fileSizeOf, importFilePath } from './importFiles';
import { getImportJob, jobPlan, markReady, type ImportJob } from './importJobs';
import { EmptyFileError, profileFile } from './profileFile';
import { preparePlan } from './preparePlan';

/**
 * The whole file is on disk: read it once for its columns, values and date formats, and set up
 * the mapping (reusing the plan of `fromJobId` when the columns are the same: a fixed file).
 * Returns a message for the admin when the file cannot be used.
 */
export async function completeUpload(db: Database, job: ImportJob, fromJobId: string | null): Promise<string | null> {
	try {
		const profile = await profileFile(importFilePath(job.id));
		if (profile.headers.every((h) => h === '')) throw new EmptyFileError();
		const previous = fromJobId ? await getImportJob(db, job.workspaceId, fromJobId) : null;
		const plan = preparePlan(job.entity as ImportEntity, profile, { previous: previous ? jobPlan(previous) : null });
		await markReady(db, job.id, profile, plan, fileSizeOf(job.id));
		return null;
	} catch (e) {
		const message = e instanceof EmptyFileError ? e.message : 'The file could not be read as CSV. Save it as CSV (comma-separated, UTF-8) and upload it again.';
		if (!(e instanceof EmptyFileError)) console.error(`Reading upload ${job.id} failed:`, e);
		await db.update(importJob).set({ status: 'failed', message }).where(eq(importJob.id, job.id));
		return message;
	}
}
