import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getCurrentRevision } from '$lib/server/playbook/revisions';
import { createProposal, ProposalError } from '$lib/server/playbook/proposals';
import { importFiles, type PlaybookFile } from '$lib/domain/playbook/exportFiles';
import { unzipFiles, ZIP_MAX_BYTES } from '$lib/domain/playbook/zip';
import { checkPlaybook } from '$lib/domain/playbook/checkPlaybook';

export const load: PageServerLoad = async (event) => {
	await requireWorkspace(event);
	return {};
};

export const actions: Actions = {
	/** Uploaded Markdown files (or a zip of them) become one proposal against the current playbook. */
	import: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event, 'playbook.propose');
		const data = await event.request.formData();
		const reason = String(data.get('reason') ?? '').trim();
		const uploads = data.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
		if (uploads.length === 0) return fail(400, { problems: ['Choose the exported .zip, or the .md files of a playbook.'] });
		if (!reason) return fail(400, { problems: ['Say why you are importing these files; reviewers see it.'] });
		const files: PlaybookFile[] = [];
		for (const upload of uploads) {
			if (upload.size > ZIP_MAX_BYTES) return fail(400, { problems: [`${upload.name} is larger than 10 MB; a playbook is much smaller.`] });
			if (upload.name.toLowerCase().endsWith('.zip')) {
				const unzipped = unzipFiles(new Uint8Array(await upload.arrayBuffer()));
				if (!unzipped.ok) return fail(400, { problems: unzipped.problems });
				files.push(...unzipped.files);
			} else if (upload.name.toLowerCase().endsWith('.md')) {
				files.push({ path: upload.name, content: await upload.text() });
			} else return fail(400, { problems: [`${upload.name} is neither a .zip nor a .md file.`] });
		}
		const imported = importFiles(files);
		if (!imported.ok) return fail(400, { problems: imported.problems.map((p) => `${p.path}: ${p.message}`) });
		const blocking = checkPlaybook(imported.doc).filter((p) => p.blocking);
		if (blocking.length) return fail(400, { problems: blocking.map((p) => p.message) });
		const current = await getCurrentRevision(db, workspace.id);
		let number: number;
		try {
			number = await createProposal(db, workspace.id, {
				title: `Import ${files.length} file${files.length === 1 ? '' : 's'}`,
				reason,
				authorId: userId,
				baseRevision: current.number,
				document: imported.doc
			});
		} catch (e) {
			if (e instanceof ProposalError) return fail(400, { problems: [e.message] });
			throw e;
		}
		redirect(303, `/w/${workspace.slug}/playbook/proposals/${number}`);
	}
};
