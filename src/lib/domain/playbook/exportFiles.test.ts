import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDocument, importFiles } from './exportFiles';
import { listSignals } from './signalBlock';
import { generateDocument } from './testDocuments';
import { unzipFiles, zipFiles } from './zip';

describe('exportDocument / importFiles', () => {
	it('names files NN-slug.md and writes "# Title", a blank line, then the body', () => {
		const doc = { sections: [{ slug: 'intro', title: 'Intro', body: 'Hello\n' }, { slug: 'churn', title: 'Churn', body: '' }] };
		expect(exportDocument(doc)).toEqual([
			{ path: '01-intro.md', content: '# Intro\n\nHello\n' },
			{ path: '02-churn.md', content: '# Churn\n\n' }
		]);
		expect(exportDocument(doc, { folder: 'playbooks/' })[0].path).toBe('playbooks/01-intro.md');
	});

	it('widens the number past 99 sections', () => {
		const doc = { sections: Array.from({ length: 120 }, (_, i) => ({ slug: `s${i}`, title: `S ${i}`, body: '' })) };
		const files = exportDocument(doc);
		expect(files[0].path).toBe('001-s0.md');
		expect(importFiles(files)).toEqual({ ok: true, doc });
	});

	it('round-trips generated documents without loss', () => {
		for (let seed = 1; seed <= 500; seed++) {
			const doc = generateDocument(seed);
			const back = importFiles(exportDocument(doc));
			expect(back, `seed ${seed}`).toEqual({ ok: true, doc });
		}
	});

	it('round-trips through a zip, byte for byte the same archive each time', () => {
		const doc = generateDocument(42);
		const zipped = zipFiles(exportDocument(doc, { folder: 'playbooks' }));
		expect(zipFiles(exportDocument(doc, { folder: 'playbooks' }))).toEqual(zipped);
		const unzipped = unzipFiles(zipped);
		expect(unzipped.ok).toBe(true);
		if (unzipped.ok) expect(importFiles(unzipped.files)).toEqual({ ok: true, doc });
	});

	it('orders by number, not by the order files arrive in, and accepts files without the blank line', () => {
		const result = importFiles([
			{ path: 'playbooks/10-later.md', content: '# Later\nBody right away' },
			{ path: 'playbooks/02-first.md', content: '\uFEFF\n# First\r\n\r\nCRLF body\r\n' },
			{ path: 'playbooks/README.md', content: 'About this folder' },
			{ path: 'playbooks/.DS_Store', content: '' },
			{ path: '__MACOSX/playbooks/._02-first.md', content: '' }
		]);
		expect(result).toEqual({
			ok: true,
			doc: {
				sections: [
					{ slug: 'first', title: 'First', body: 'CRLF body\r\n' },
					{ slug: 'later', title: 'Later', body: 'Body right away' }
				]
			}
		});
	});

	it('explains files that do not fit', () => {
		const result = importFiles([
			{ path: 'Pricing Notes.md', content: '# P\n' },
			{ path: 'notes.txt', content: 'x' },
			{ path: '03-no-title.md', content: 'Just text\n' },
			{ path: '04-empty-title.md', content: '#   \n\nx' },
			{ path: '05-a.md', content: '# A\n' },
			{ path: '05-b.md', content: '# B\n' },
			{ path: 'x/06-a.md', content: '# A again\n' }
		]);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => p.message)).toEqual([
			"File 'Pricing Notes.md' is not named like '01-section-name.md' (two digits, a hyphen, then lower-case words joined by hyphens); rename it to something like '01-pricing-notes.md'.",
			"File 'notes.txt' is not a Markdown section file; remove it or rename it like 01-section-name.md.",
			"File '03-no-title.md': the first line should be the section title, written as '# Title'.",
			"File '04-empty-title.md': the title is empty; give the section a short name.",
			"Files '05-a.md' and '05-b.md' have the same number; give each section its own number.",
			"Files '05-a.md' and 'x/06-a.md' have the same name after the number; each section needs its own name."
		]);
	});

	it('says so when there are no section files at all (an empty upload would wipe the playbook)', () => {
		expect(importFiles([{ path: 'README.md', content: '' }])).toEqual({
			ok: false,
			problems: [{ path: '', message: 'No section files were found; a playbook is a set of files named like 01-section-name.md.' }]
		});
	});

	it("reads the repository's starter playbook, and every signal block in it is valid", () => {
		const folder = join(process.cwd(), 'playbooks');
		const files = readdirSync(folder).map((name) => ({ path: name, content: readFileSync(join(folder, name), 'utf8') }));
		const result = importFiles(files);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(exportDocument(result.doc)).toEqual(files.filter((f) => /^\d+-/.test(f.path)).sort((a, b) => a.path.localeCompare(b.path)));
		const { problems, signals } = listSignals(result.doc);
		expect(problems).toEqual([]);
		expect(signals.length).toBeGreaterThan(0);
	});
});

describe('unzipFiles', () => {
	it('refuses what is not a zip', () => {
		expect(unzipFiles(new TextEncoder().encode('not a zip'))).toEqual({
			ok: false,
			problems: ['The file is not a zip archive that can be read; export the playbook again and upload that file.']
		});
	});

	it('refuses text that is not UTF-8', async () => {
		const { zipSync } = await import('fflate');
		const bytes = zipSync({ '01-a.md': new Uint8Array([0x23, 0x20, 0xff, 0xfe]) });
		expect(unzipFiles(bytes)).toEqual({ ok: false, problems: ["File '01-a.md' is not UTF-8 text; save it as UTF-8 and try again."] });
	});

	it('refuses archives that would unpack too big, before unpacking them', async () => {
		const { zipSync } = await import('fflate');
		const bytes = zipSync({ 'big.md': new Uint8Array(11 * 1024 * 1024) }, { level: 0 });
		const result = unzipFiles(bytes);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems[0]).toContain('too big');
		const many = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`${i}.md`, new Uint8Array(1)]));
		expect(unzipFiles(zipSync(many)).ok).toBe(false);
	});
});
