import fs from 'node:fs';
import path from 'node:path';

/**
 * Where uploaded files wait for their import: IMPORT_DIR, else `imports/` in the data directory.
 * Named by job id only, so nothing the uploader sends becomes part of a path.
 */
export function importDir(): string {
	return path.resolve(process.env.IMPORT_DIR || path.join(process.env.DATA_DIR || './data', 'imports'));
}

export function importFilePath(jobId: string): string {
	if (!/^[0-9a-f-]{36}$/.test(jobId)) throw new Error('Not a job id');
	return path.join(importDir(), `${jobId}.csv`);
}

export function fileSizeOf(jobId: string): number {
	try {
		return fs.statSync(importFilePath(jobId)).size;
	} catch {
		return 0;
	}
}

/**
 * Appends one chunk of an upload at `offset`. A chunk sent again (a retried request) is
 * accepted when it is already there; a gap is refused, so the file is never corrupted.
 * Returns the file's size afterwards.
 */
export async function appendChunk(jobId: string, offset: number, body: ReadableStream<Uint8Array> | null): Promise<number> {
	fs.mkdirSync(importDir(), { recursive: true });
	const file = importFilePath(jobId);
	const size = fileSizeOf(jobId);
	if (offset > size) throw new ChunkGapError(size);
	if (!body) return size;
	const handle = await fs.promises.open(file, fs.existsSync(file) ? 'r+' : 'w');
	try {
		let position = offset;
		const reader = body.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			await handle.write(value, 0, value.length, position);
			position += value.length;
		}
		await handle.truncate(position);
		return position;
	} finally {
		await handle.close();
	}
}

export async function writeWholeFile(jobId: string, data: Uint8Array | ReadableStream<Uint8Array>): Promise<number> {
	fs.mkdirSync(importDir(), { recursive: true });
	if (data instanceof Uint8Array) {
		await fs.promises.writeFile(importFilePath(jobId), data);
		return data.length;
	}
	return appendChunk(jobId, 0, data);
}

export function removeImportFile(jobId: string): void {
	fs.rmSync(importFilePath(jobId), { force: true });
}

export class ChunkGapError extends Error {
	constructor(readonly size: number) {
		super(`The server has ${size} bytes of this file; send the part from there.`);
	}
}
