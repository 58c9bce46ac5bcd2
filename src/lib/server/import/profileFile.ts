import { DateFormatDetector, type DateFormat } from '../../domain/import/dates';
import { isBlankRow, readCsvChunks } from './readCsv';

const SAMPLE_ROWS = 5;
const DATE_PROBE_ROWS = 50;
/** More distinct values than this and a column is not a list of stages or types. */
const MAX_DISTINCT = 40;
const MAX_VALUE_LENGTH = 80;
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/;

export interface ColumnProfile {
	/** The column's distinct values (up to MAX_DISTINCT), or null when it has more or long ones. */
	values: string[] | null;
	/** When the column holds dates: the format they are written in. */
	date: { format: DateFormat | null; ambiguous: boolean; conflicting: boolean } | null;
}

export interface FileProfile {
	headers: string[];
	sample: string[][];
	/** Data rows (not counting the header or blank lines). */
	rows: number;
	columns: ColumnProfile[];
}

/**
 * Reads the whole file once, in a stream: its header, a few sample rows, the row count, each
 * column's distinct values (for value maps) and the date format of date columns (auto-detection
 * over every value, not just the first few). Memory stays bounded by the caps above.
 */
export async function profileFile(path: string): Promise<FileProfile> {
	let headers: string[] | null = null;
	const sample: string[][] = [];
	let rows = 0;
	let distinct: (Set<string> | null)[] = [];
	let detectors: (DateFormatDetector | null)[] = [];
	const probe: string[][] = [];
	let probing = true;
	for await (const chunk of readCsvChunks(path)) for (const row of chunk) {
		if (!headers) {
			headers = row.map((h) => h.trim());
			distinct = headers.map(() => new Set<string>());
			detectors = headers.map(() => null);
			continue;
		}
		if (isBlankRow(row)) continue;
		rows++;
		if (sample.length < SAMPLE_ROWS) sample.push(row);
		const feedDates = !probing;
		if (probing) {
			probe.push(row);
			if (probe.length === DATE_PROBE_ROWS) probing = startDetectors(probe, detectors);
		}
		for (let c = 0; c < headers.length; c++) {
			const value = (row[c] ?? '').trim();
			if (value === '') continue;
			const set = distinct[c];
			if (set && !set.has(value)) {
				if (set.size >= MAX_DISTINCT || value.length > MAX_VALUE_LENGTH) distinct[c] = null;
				else set.add(value);
			}
			if (feedDates) detectors[c]?.add(value);
		}
	}
	if (!headers) throw new EmptyFileError();
	if (probing) startDetectors(probe, detectors);
	return {
		headers,
		sample,
		rows,
		columns: headers.map((_, c) => {
			const found = detectors[c]?.result();
			return {
				values: distinct[c] ? [...distinct[c]!].sort((a, b) => a.localeCompare(b)) : null,
				date: found && found.seen > 0 ? { format: found.format, ambiguous: found.ambiguous, conflicting: found.conflicting } : null
			};
		})
	};
}

/** Picks the columns whose first values look like dates and feeds them the rows read so far; returns false (stop probing). */
function startDetectors(probe: string[][], detectors: (DateFormatDetector | null)[]): false {
	detectors.forEach((_, c) => {
		const values = probe.map((r) => (r[c] ?? '').trim()).filter((v) => v !== '');
		if (values.length > 0 && values.filter((v) => DATE_LIKE.test(v)).length >= values.length / 2) {
			const detector = new DateFormatDetector();
			for (const v of values) detector.add(v);
			detectors[c] = detector;
		}
	});
	return false;
}

export class EmptyFileError extends Error {
	constructor() {
		super('The file is empty: it needs a header row naming the columns, then one row per record.');
	}
}
