import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { csvCell, csvLine } from './csvCell';

describe('csvCell', () => {
	it('defuses cells a spreadsheet would run as formulas', () => {
		expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
		expect(csvCell('+1 555 0100')).toBe("'+1 555 0100");
		expect(csvCell('-2+3')).toBe("'-2+3");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\t=1')).toBe("'\t=1");
		expect(csvCell('\r=1')).toBe(`"'\r=1"`);
	});

	it('leaves numbers and plain text alone', () => {
		expect(csvCell(-12)).toBe('-12');
		expect(csvCell('Acme')).toBe('Acme');
		expect(csvCell(null)).toBe('');
		expect(csvCell(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
	});

	it('round-trips any text through a CSV parser, never starting a cell with a formula sign', () => {
		fc.assert(
			fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (cells) => {
				const parsed = Papa.parse<string[]>(csvLine(cells), { newline: '\r\n', delimiter: ',' }).data[0];
				parsed.forEach((cell, i) => {
					expect(cell).not.toMatch(/^[=+\-@\t\r]/);
					// Exactly the formula-like cells gain the apostrophe (a cell that already starts with
					// one, like "'+", is left as it is, so stripping an apostrophe would not invert it).
					expect(cell).toBe(/^[=+\-@\t\r]/.test(cells[i]) ? `'${cells[i]}` : cells[i]);
				});
			})
		);
	});
});
