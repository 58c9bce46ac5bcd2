import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { readCsvChunks } from './readCsv';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'read-csv-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const writeFile = (name: string, content: string | Buffer) => {
	const file = path.join(tmp, name);
	fs.writeFileSync(file, content);
	return file;
};

async function readAll(file: string, chunkBytes?: number): Promise<string[][]> {
	const rows: string[][] = [];
	for await (const chunk of readCsvChunks(file, { chunkBytes })) rows.push(...chunk);
	return rows;
}

/** What papaparse makes of the whole text at once (a file's final line break ends the last row, it adds no empty one). */
const wholeFile = (text: string) => {
	const rows = Papa.parse<string[]>(text).data;
	return text.endsWith('\n') || text.endsWith('\r') ? rows.slice(0, -1) : rows;
};

const fixtures = fs.readdirSync('tests/fixtures/import').map((name) => path.resolve('tests/fixtures/import', name));

describe('readCsvChunks', () => {
	it('reads every fixture export as papaparse reads the whole file, wherever the chunks end', async () => {
		for (const file of fixtures) {
			const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
			for (const chunkBytes of [1, 2, 7, 64, undefined]) expect(await readAll(file, chunkBytes), `${file} in chunks of ${chunkBytes}`).toEqual(wholeFile(text));
		}
	});

	it('keeps quoted line breaks, doubled quotes, blank lines, CRLF, semicolons and a BOM as papaparse does', async () => {
		const text = 'Name;Note;Email\r\n"Lee, Ann";"Line one\r\nline ""two""";ann@acme.com\r\n\r\nBo;;bo@acme.com\r\n;;\r\n';
		const file = writeFile('semicolons.csv', '\ufeff' + text);
		for (const chunkBytes of [1, 3, 5, 1024]) expect(await readAll(file, chunkBytes)).toEqual(wholeFile(text));
		expect((await readAll(file))[1]).toEqual(['Lee, Ann', 'Line one\r\nline "two"', 'ann@acme.com']);
	});

	it('keeps characters whole when a chunk ends inside one', async () => {
		const rows = Array.from({ length: 200 }, (_, i) => `Zoë ${i},Müller-Łukasz,日本 ${i},😀`);
		const file = writeFile('utf8.csv', rows.join('\n'));
		for (const chunkBytes of [1, 2, 3, 5, 100]) {
			const read = await readAll(file, chunkBytes);
			expect(read).toHaveLength(200);
			expect(read.every((row, i) => row.join(',') === rows[i])).toBe(true);
		}
	});

	it('reads a file without a final line break, an empty file, and a quoted line break split between chunks', async () => {
		expect(await readAll(writeFile('no-break.csv', 'a,b\n1,2'), 3)).toEqual([['a', 'b'], ['1', '2']]);
		expect(await readAll(writeFile('empty.csv', ''))).toEqual([]);
		expect(await readAll(writeFile('rows.csv', 'a,b\n"1\n2",3\n'), 2)).toEqual([['a', 'b'], ['1\n2', '3']]);
	});

	it('says how far into the file it has read, up to its size', async () => {
		const file = writeFile('bytes.csv', '\ufeffa,b\n' + '1,2\n'.repeat(1000));
		const seen: number[] = [];
		for await (const chunk of readCsvChunks(file, { chunkBytes: 512, onBytes: (b) => seen.push(b) })) expect(chunk.length).toBeGreaterThan(0);
		expect(seen.length).toBeGreaterThan(5);
		expect(seen.every((b, i) => i === 0 || b > seen[i - 1])).toBe(true);
		expect(seen.at(-1)).toBe(fs.statSync(file).size);
	});
});
