import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { failStalledJobs, getImportJob, jobPlan, jobProfile, listIssues, requestCancel, savePlan } from '$lib/server/import/importJobs';
import { cancelLiveRun, liveJobIds, startImportRun } from '$lib/server/import/jobRunner';
import { jobStatusView } from '$lib/server/import/jobStatus';
import { preparePlan } from '$lib/server/import/preparePlan';
import { readPlanForm } from '$lib/server/import/readPlanForm';
import { checkPlan } from '$lib/domain/import/plan';
import { PRESETS, type Preset } from '$lib/domain/import/presets';
import { isUuid } from '$lib/domain/forms/isUuid';
import { pick } from '$lib/domain/forms/pick';
import type { ImportEntity } from '$lib/domain/import/fields';

async function loadJob(event: RequestEvent) {
	const guarded = await requireWorkspace(event, 'data.import');
	const job = isUuid(event.params.id) ? await getImportJob(guarded.db, guarded.workspace.id, event.params.id) : null;
	if (!job) error(404, { message: 'There is no such import in this workspace.' });
	return { ...guarded, job };
}

export const load: PageServerLoad = async (event) => {
	const { db, workspace, job: found } = await loadJob(event);
	let job = found;
	if (job.status === 'running') {
		await failStalledJobs(db, workspace.id, liveJobIds());
		job = (await getImportJob(db, workspace.id, job.id))!;
	}
	return {
		job: {
			id: job.id,
			entity: job.entity as ImportEntity,
			fileName: job.fileName,
			fileSize: job.fileSize,
			allOrNothing: job.allOrNothing,
			createdAt: job.createdAt
		},
		status: jobStatusView(job),
		profile: jobProfile(job),
		plan: jobPlan(job),
		issues: ['checked', 'done', 'failed', 'cancelled'].includes(job.status) ? await listIssues(db, job.id, 200) : []
	};
};

export const actions: Actions = {
	/** Save the mapping and check the whole file (dry run). */
	check: async (event) => {
		const { db, workspace, job, userId, member } = await loadJob(event);
		const profile = jobProfile(job);
		const current = jobPlan(job);
		if (!profile || !current) return fail(409, { problems: ['This file is still uploading or could not be read; upload it again.'] });
		const plan = readPlanForm(await event.request.formData(), current, profile);
		const problems = checkPlan(plan);
		if (problems.length) return fail(400, { problems });
		await savePlan(db, workspace.id, job.id, plan);
		const started = await startImportRun(db, { ...job, plan: plan as unknown as Record<string, unknown> }, 'dry_run', {
			allOrNothing: false,
			actor: { id: userId, name: member.name }
		});
		if (!started) return fail(409, { problems: ['A run of this file is already going on; wait for it or cancel it.'] });
		return { started: 'dry_run' };
	},
	/** Start over from a preset's mapping. */
	preset: async (event) => {
		const { db, workspace, job } = await loadJob(event);
		const profile = jobProfile(job);
		const preset = pick(PRESETS, String((await event.request.formData()).get('preset') ?? '')) as Preset | null;
		if (!profile || !preset) return fail(400, { problems: ['Choose one of the presets.'] });
		if (job.status === 'running') return fail(409, { problems: ['Wait for the current run to finish before changing the mapping.'] });
		await savePlan(db, workspace.id, job.id, preparePlan(job.entity as ImportEntity, profile, { preset }));
		return { preset };
	},
	import: async (event) => {
		const { db, workspace, job, userId, member } = await loadJob(event);
		const form = await event.request.formData();
		const plan = jobPlan(job);
		if (!plan || !['checked', 'done', 'failed', 'cancelled'].includes(job.status)) {
			return fail(409, { problems: ['Check the file with a dry run first.'] });
		}
		if (job.status === 'failed' && job.phase === 'dry_run') return fail(409, { problems: ['Run the dry run again first.'] });
		const started = await startImportRun(db, job, 'import', { allOrNothing: form.get('allOrNothing') === 'on', actor: { id: userId, name: member.name } });
		if (!started) return fail(409, { problems: ['A run of this file is already going on; wait for it or cancel it.'] });
		return { started: 'import' };
	},
	cancel: async (event) => {
		const { db, workspace, job } = await loadJob(event);
		cancelLiveRun(job.id);
		await requestCancel(db, workspace.id, job.id);
		return { cancelling: true };
	}
};
