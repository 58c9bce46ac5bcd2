import fs from 'node:fs';
import { once } from 'node:events';
import { csvLine } from '../../src/lib/domain/import/csvCell';

export const CONTACT_HEADERS = ['Record ID', 'First Name', 'Last Name', 'Email', 'Company Domain Name', 'Lifecycle Stage', 'Job Title'];
const FIRST = ['Ann', 'Bo', 'Cara', 'Dev', 'Eve', 'Finn', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lena'];
const LAST = ['Lee', 'Kim', "O'Neil", 'Patel', 'Martin', 'Berg', 'Ito', 'Novak', 'Silva', 'Okafor'];
const STAGES = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer'];
const TITLES = ['VP Sales', 'Head of "Growth"', 'Analyst', 'CTO, Platform', 'Ops\nand Finance', ''];

export const accountDomain = (i: number) => `company${i}.example`;

/** The cells of generated contact i: HubSpot-shaped, with quotes, commas and line breaks in some titles. */
export function contactCells(i: number, accounts: number): string[] {
	return [
		`hs-${i}`,
		FIRST[i % FIRST.length],
		`${LAST[i % LAST.length]}${i}`,
		`person${i}@${accountDomain(i % accounts)}`,
		i % 5 === 0 ? '' : accountDomain(i % accounts),
		STAGES[i % STAGES.length],
		TITLES[i % TITLES.length]
	];
}

/** Writes a HubSpot-style contacts CSV of `rows` rows, streaming (a million rows never sit in memory). */
export async function writeContactsCsv(path: string, rows: number, accounts: number): Promise<void> {
	const out = fs.createWriteStream(path);
	out.write('\ufeff' + csvLine(CONTACT_HEADERS));
	let chunk = '';
	for (let i = 0; i < rows; i++) {
		chunk += csvLine(contactCells(i, accounts));
		if (chunk.length > 1 << 20) {
			if (!out.write(chunk)) await once(out, 'drain');
			chunk = '';
		}
	}
	out.end(chunk);
	await once(out, 'finish');
}
