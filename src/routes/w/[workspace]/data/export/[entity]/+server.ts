import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { recordAudit } from '$lib/server/audit';
import { exportColumns, exportRecords } from '$lib/server/exportRecords';
import { csvLine } from '$lib/domain/import/csvCell';
import { ENTITY_LABELS, isImportEntity } from '$lib/domain/import/fields';

/**
 * The workspace's accounts, contacts, deals or activities as one CSV, streamed page by page
 * (any size, flat memory). Cells that a spreadsheet would run as formulas are escaped. Each
 * export is recorded in the audit log.
 */
export const GET: RequestHandler = async (event) => {
	const { db, workspace, userId, member } = await requireWorkspace(event, 'data.export');
	const entity = event.params.entity.replace(/\.csv$/, '');
	if (!isImportEntity(entity)) error(404, { message: 'Exports are of accounts, contacts, deals or activities.' });
	const fileName = `${workspace.slug}-${entity}-${new Date().toISOString().slice(0, 10)}.csv`;
	await recordAudit(db, {
		workspaceId: workspace.id,
		actorId: userId,
		actorLabel: member.name,
		action: 'export.download',
		subjectType: entity,
		summary: `Exported all ${ENTITY_LABELS[entity].many.toLowerCase()} as CSV (${fileName}).`,
		details: { entity, fileName }
	});
	const encoder = new TextEncoder();
	const pages = exportRecords(db, workspace.id, entity);
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode('\ufeff' + csvLine(exportColumns(entity))));
		},
		async pull(controller) {
			const next = await pages.next();
			if (next.done) return controller.close();
			controller.enqueue(encoder.encode(next.value.map(csvLine).join('')));
		},
		async cancel() {
			await pages.return(undefined);
		}
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'no-store'
		}
	});
};
