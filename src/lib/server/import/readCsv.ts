import fs from 'node:fs';
import Papa from 'papaparse';

/**
 * Streams a CSV file's rows (arrays of cells) from disk through papaparse, with backpressure:
 * only a chunk of the file and a few rows are in memory at a time, whatever its size.
 * `onBytes` hears how far into the file the reader is. A BOM at the start is dropped.
 */
export async function* readCsvRows(path: string, onBytes?: (bytes: number) => void): AsyncGenerator<string[]> {
	const file = fs.createReadStream(path, { highWaterMark: 256 * 1024 });
	let bytes = 0;
	if (onBytes) file.on('data', (chunk) => onBytes((bytes += chunk.length)));
	const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: false, skipEmptyLines: false });
	file.on('error', (e) => parser.destroy(e));
	file.pipe(parser);
	let first = true;
	try {
		for await (const row of parser as AsyncIterable<string[]>) {
			if (first) {
				first = false;
				if (row.length > 0 && row[0].startsWith('\ufeff')) row[0] = row[0].slice(1);
			}
			yield row;
		}
	} finally {
		file.destroy();
		parser.destroy();
	}
}

/** A row that holds nothing (a blank line, or only empty cells): skipped, though it keeps its row number. */
export const isBlankRow = (row: string[]) => row.every((cell) => cell.trim() === '');
