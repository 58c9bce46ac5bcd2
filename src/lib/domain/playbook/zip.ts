/**
 * Zip packing for downloading and uploading a playbook in the browser or on the server (fflate is
 * pure JavaScript). Unpacking refuses archives that are too big before inflating them.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { PlaybookFile } from './exportFiles';

export const ZIP_MAX_FILES = 500;
export const ZIP_MAX_BYTES = 10 * 1024 * 1024;

/** A fixed date, so the same playbook always gives the same bytes. */
const FIXED_MTIME = new Date(2000, 0, 1);

export function zipFiles(files: PlaybookFile[]): Uint8Array {
	const tree: Zippable = {};
	for (const file of files) tree[file.path] = [strToU8(file.content), { mtime: FIXED_MTIME, level: 6 }];
	return zipSync(tree, { mtime: FIXED_MTIME });
}

export type UnzipResult = { ok: true; files: PlaybookFile[] } | { ok: false; problems: string[] };

export function unzipFiles(bytes: Uint8Array): UnzipResult {
	let count = 0;
	let total = 0;
	let tooBig = false;
	let entries: Record<string, Uint8Array>;
	try {
		entries = unzipSync(bytes, {
			filter: (entry) => {
				if (entry.name.endsWith('/')) return false;
				count++;
				total += entry.originalSize;
				if (count > ZIP_MAX_FILES || total > ZIP_MAX_BYTES) tooBig = true;
				return !tooBig;
			}
		});
	} catch {
		return { ok: false, problems: ['The file is not a zip archive that can be read; export the playbook again and upload that file.'] };
	}
	if (tooBig) {
		return {
			ok: false,
			problems: [`The archive is too big: at most ${ZIP_MAX_FILES} files and ${ZIP_MAX_BYTES / 1024 / 1024} MB of text.`]
		};
	}
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const files: PlaybookFile[] = [];
	const problems: string[] = [];
	for (const [path, data] of Object.entries(entries)) {
		try {
			files.push({ path, content: decoder.decode(data) });
		} catch {
			problems.push(`File '${path}' is not UTF-8 text; save it as UTF-8 and try again.`);
		}
	}
	return problems.length ? { ok: false, problems } : { ok: true, files };
}
