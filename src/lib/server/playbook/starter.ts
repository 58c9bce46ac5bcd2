import fs from 'node:fs';
import path from 'node:path';
import { importFiles } from '../../domain/playbook/exportFiles';
import type { PlaybookDocument } from '../../domain/playbook/document';

let cached: PlaybookDocument | undefined;

/** The starter playbook shipped in playbooks/ (NN-slug.md files); every new workspace begins with it. */
export function loadStarterPlaybook(dir = path.resolve(process.cwd(), 'playbooks')): PlaybookDocument {
	if (cached && dir === path.resolve(process.cwd(), 'playbooks')) return cached;
	const files = fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.md'))
		.map((name) => ({ path: name, content: fs.readFileSync(path.join(dir, name), 'utf8') }));
	const imported = importFiles(files);
	if (!imported.ok) {
		throw new Error(`The starter playbook in ${dir} does not load: ${imported.problems.map((p) => p.message).join('; ')}`);
	}
	cached = imported.doc;
	return imported.doc;
}
