import fs from 'node:fs';
import Papa from 'papaparse';

/**
 * Streams a CSV file's rows (arrays of cells) from disk through papaparse, with backpressure:
 * only a chunk of the file and a few rows are in memory at a time, whatever its size.
 * `onBytes` hears how far into the file the reader is. A UTF-8 BOM at the start is skipped.
 */
export async function* readCsvRows(path: string, onBytes?: (bytes: number) => void): AsyncGenerator<string[]> {
	// papaparse reads a BOM as part of the first cell (and then misses its quotes): skip it on disk.
	const start = startsWithBom(path) ? 3 : 0;
	const file = fs.createReadStream(path, { highWaterMark: 256 * 1024, start });
	let bytes = start;
	if (onBytes) file.on('data', (chunk) => onBytes((bytes += chunk.length)));
	const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: false, skipEmptyLines: false });
	file.on('error', (e) => parser.destroy(e));
	file.pipe(parser);
	try {
		for await (const row of parser as AsyncIterable<string[]>) yield row;
	} finally {
		file.destroy();
		parser.destroy();
	}
}

/** A row that holds nothing (a blank line, or only empty cells): skipped, though it keeps its row number. */
export const isBlankRow = (row: string[]) => row.every((cell) => cell.trim() === '');

function startsWithBom(path: string): boolean {
	const fd = fs.openSync(path, 'r');
	try {
		const head = Buffer.alloc(3);
		return fs.readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
	} finally {
		fs.closeSync(fd);
	}
}
