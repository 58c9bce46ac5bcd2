// Starts the built app for the Playwright e2e run (playwright.config.ts -> webServer).
//
// Each run gets a fresh, empty PGlite data directory in the OS temp dir, so e2e tests never see
// (or damage) a developer's ./data and always start from the seeded demo workspace. DATABASE_URL
// is removed from the environment so the embedded PGlite store is used even where a developer's
// shell points at a PostgreSQL server. The directory is removed when the server exits; one left
// behind by a killed run is swept at the next start.
//
// Usage: node scripts/e2e-server.js [entry]   (the config passes scripts/start.js, what npm start runs)
// Env:   PORT (4173), ORIGIN (http://localhost:$PORT), E2E_KEEP_DATA=1 keeps the data dir.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PREFIX = 'signalroom-e2e-';
const OWNER_FILE = '.e2e-owner-pid';

const entry = resolve(process.argv[2] ?? 'build');
if (!existsSync(entry)) {
	console.error(`e2e-server: ${entry} does not exist. Build the app first: npm run build`);
	process.exit(1);
}

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** Removes data dirs of earlier runs whose launcher no longer runs (killed with SIGKILL, say). */
function sweepStaleDataDirs() {
	for (const name of readdirSync(tmpdir())) {
		if (!name.startsWith(PREFIX)) continue;
		const dir = join(tmpdir(), name);
		try {
			const pid = Number(readFileSync(join(dir, OWNER_FILE), 'utf8'));
			if (pid && !isAlive(pid)) rmSync(dir, { recursive: true, force: true });
		} catch {
			// not ours, or being written right now: leave it
		}
	}
}

sweepStaleDataDirs();
const runDir = mkdtempSync(join(tmpdir(), PREFIX));
writeFileSync(join(runDir, OWNER_FILE), String(process.pid));
// PGlite gets a subdirectory of its own, so the owner file never sits in its data dir.
const dataDir = join(runDir, 'data');

const port = process.env.PORT || '4173';
const env = {
	...process.env,
	PORT: port,
	HOST: process.env.HOST || '127.0.0.1',
	ORIGIN: process.env.ORIGIN || `http://localhost:${port}`,
	DATA_DIR: dataDir,
	// No scheduled signal sweep under test: what tests see must follow from what they do
	// (incremental detection after an activity is logged), not from a timer.
	SIGNAL_SWEEP: process.env.SIGNAL_SWEEP || 'off'
};
delete env.DATABASE_URL;

function cleanUp() {
	if (process.env.E2E_KEEP_DATA === '1') {
		console.error(`e2e-server: kept the data dir ${dataDir}`);
		return;
	}
	rmSync(runDir, { recursive: true, force: true });
}

console.error(`e2e-server: starting ${entry} on port ${port} with DATA_DIR=${dataDir}`);
const child = spawn(process.execPath, [entry], { env, stdio: 'inherit' });

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
	process.on(signal, () => {
		stopping = true;
		if (child.exitCode === null && child.signalCode === null) child.kill(signal);
	});
}

child.on('error', (error) => {
	console.error(`e2e-server: could not start the app: ${error.message}`);
	cleanUp();
	process.exit(1);
});

child.on('exit', (code, signal) => {
	cleanUp();
	if (stopping) process.exit(0);
	console.error(`e2e-server: the app exited early (${signal ?? `code ${code}`})`);
	process.exit(code || 1);
});
