import fs from 'node:fs';
import Papa from 'papaparse';

export interface ReadCsvOptions {
	/** Hears how far into the file (in bytes) the reader is. */
	onBytes?: (bytes: number) => void;
	/** Bytes read from disk at a time (tests make it tiny to put chunk edges everywhere). */
	chunkBytes?: number;
}

/**
 * Streams a CSV file from disk as arrays of rows (each an array of cells), one array per chunk of
 * the file: only a chunk of the file and its rows are in memory at a time, whatever its size, and
 * a caller pays for one await per chunk instead of one per row. Rows are what papaparse makes of
 * the whole file (delimiter and line breaks guessed from the start, quoted fields may hold line
 * breaks and span chunks). The file is decoded as UTF-8 as a whole, so a character split between
 * two chunks stays whole. A UTF-8 BOM at the start is skipped.
 */
export async function* readCsvChunks(path: string, options: ReadCsvOptions = {}): AsyncGenerator<string[][]> {
	// papaparse reads a BOM as part of the first cell (and then misses its quotes): skip it on disk.
	const start = startsWithBom(path) ? 3 : 0;
	const file = fs.createReadStream(path, { highWaterMark: options.chunkBytes ?? 256 * 1024, start, encoding: 'utf8' });
	let parser: Papa.Parser | null = null;
	// The start of a row the last chunk ended inside of; it is read again with the next chunk.
	let partial = '';
	try {
		for await (const text of file as AsyncIterable<string>) {
			options.onBytes?.(start + file.bytesRead);
			partial += text;
			if (!parser && partial.length < GUESS_CHARS) continue;
			parser ??= parserFor(partial);
			const rows = completeRows();
			if (rows.length) yield rows;
		}
		parser ??= parserFor(partial);
		const rows = completeRows();
		// What is left is the last row, without a line break after it.
		if (partial !== '') rows.push(...(parser.parse(partial, 0, false).data as string[][]));
		if (rows.length) yield rows;
	} finally {
		file.destroy();
	}
	/** The rows that end in `partial`, which keeps the start of the next one. */
	function completeRows(): string[][] {
		const result = parser!.parse(partial, 0, true) as Papa.ParseResult<string[]>;
		partial = partial.slice(result.meta.cursor);
		return result.data;
	}
}

/** How much of the file's start papaparse guesses its delimiter and line breaks from (its first chunk, at least). */
const GUESS_CHARS = 64 * 1024;

/** A parser set up as papaparse sets up its own for a file: delimiter and line break guessed from the file's start. */
function parserFor(firstChunk: string): Papa.Parser {
	const { delimiter, linebreak } = Papa.parse(firstChunk, { preview: 1 }).meta;
	return new Papa.Parser({ delimiter, newline: linebreak as Papa.ParseConfig['newline'] });
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
