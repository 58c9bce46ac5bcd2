/** How a job's status reads in lists and headings. */
export function statusLabel(status: string, phase: string): string {
	switch (status) {
		case 'uploading':
			return 'Uploading';
		case 'ready':
			return 'Ready to check';
		case 'running':
			return phase === 'import' ? 'Importing' : 'Dry run';
		case 'checked':
			return 'Checked';
		case 'done':
			return 'Imported';
		case 'failed':
			return phase === 'import' ? 'Import failed' : 'Failed';
		case 'cancelled':
			return 'Cancelled';
		default:
			return status;
	}
}
