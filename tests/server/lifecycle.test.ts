import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connect } from 'socket.io-client';
import { openDatabase } from '../../src/lib/server/db/index';

// Runs the production build the way `npm start` does (pretest builds it first).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-lifecycle-'));
const children: ChildProcess[] = [];

function start(port: number) {
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), SIGNALROOM_DEMO: 'off' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	children.push(child);
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	const listening = () =>
		new Promise<void>((resolve, reject) => {
			child.stdout!.on('data', () => output.includes('Listening on') && resolve());
			void exited.then(() => reject(new Error(`exited before listening:\n${output}`)));
		});
	return { child, exited, listening, output: () => output };
}

afterAll(() => {
	for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the app process with the embedded database', () => {
	it(
		'refuses a second process on the same data directory, and closes the database cleanly on SIGTERM',
		async () => {
			expect(fs.existsSync('build/index.js'), 'build the app first: npm run build (npm test does)').toBe(true);
			const first = start(4391);
			await first.listening();
			expect(first.output()).toContain(`embedded PostgreSQL (PGlite) in ${dataDir}`);
			const response = await fetch('http://localhost:4391/login');
			expect(response.status).toBe(200);
			// socket.io shares the app's HTTP server and asks for a session before anything else.
			const socket = connect('http://localhost:4391', { transports: ['websocket'], reconnection: false, extraHeaders: { origin: 'http://localhost:4391' } });
			const refusal = await new Promise<string>((resolve) => socket.on('connect_error', (e) => resolve(e.message)));
			socket.close();
			expect(refusal).toBe('Sign in to join live sessions.');

			const second = start(4392);
			expect(await second.exited).toBe(1);
			expect(second.output()).toContain(`The data directory ${dataDir} is already open in another Signalroom process (pid ${first.child.pid})`);

			first.child.kill('SIGTERM');
			expect(await first.exited).toBe(0);
			expect(fs.existsSync(path.join(dataDir, 'signalroom.lock'))).toBe(false);
			// A cleanly closed store opens again with its migrations in place.
			const reopened = await openDatabase({ dataDir });
			await reopened.close();
		},
		120_000
	);
});
