/** The production server (`node scripts/start.js`, after `npm run build`) as a child process for fault tests. */
import fs from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/**
 * Where the built app is: this checkout, or SIGNALROOM_APP_DIR (a copy with build/, scripts/,
 * drizzle/, package.json and node_modules) when another build may replace build/ meanwhile.
 */
export const appDir = process.env.SIGNALROOM_APP_DIR || process.cwd();
export const isBuilt = () => fs.existsSync(path.join(appDir, 'build/handler.js'));

export interface AppProcess {
	child: ChildProcess;
	exited: Promise<number | null>;
	output(): string;
}

/** A port that was free a moment ago on loopback. */
export async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as net.AddressInfo).port;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/** Starts the app and resolves once it listens; rejects if it exits first or takes longer than `timeoutMs`. */
export async function startApp(env: Record<string, string>, timeoutMs = 60_000): Promise<AppProcess> {
	const child = spawn(process.execPath, [path.join(appDir, 'scripts/start.js')], {
		cwd: appDir,
		env: { ...process.env, SIGNALROOM_DEMO: 'off', HOST: '127.0.0.1', DATABASE_URL: '', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no 'Listening on' within ${timeoutMs} ms:\n${output}`)), timeoutMs);
		child.stdout!.on('data', (d) => {
			output += d;
			if (output.includes('Listening on')) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.stderr!.on('data', (d) => (output += d));
		void exited.then((code) => {
			clearTimeout(timer);
			reject(new Error(`exited (${code}) before listening:\n${output}`));
		});
	});
	return { child, exited, output: () => output };
}

/** SIGKILL: no shutdown hook runs, the database is not closed, sockets just drop. */
export async function killApp(app: AppProcess): Promise<void> {
	if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
	await app.exited;
}

/** SIGTERM and wait for a clean exit (the database closed). */
export async function stopApp(app: AppProcess): Promise<number | null> {
	if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGTERM');
	return app.exited;
}
