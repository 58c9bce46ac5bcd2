// `npm start` runs this first: builds the app when there is no build yet or when a source file
// is newer than the last build, so a fresh clone needs nothing but `npm install && npm start`.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const inputs = ['src', 'static', 'drizzle', 'package.json', 'package-lock.json', 'svelte.config.js', 'vite.config.ts'];
const output = 'build/handler.js';

function newest(p) {
	if (!fs.existsSync(p)) return 0;
	const stat = fs.statSync(p);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(0, ...fs.readdirSync(p).map((name) => newest(path.join(p, name))));
}

const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
if (built === 0 || Math.max(...inputs.map(newest)) > built) {
	console.log(built === 0 ? 'Building Signalroom (first start)…' : 'Sources changed since the last build; rebuilding…');
	execSync('npm run build --silent', { stdio: 'inherit' });
}
