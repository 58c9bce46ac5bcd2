import fs from 'node:fs';
import path from 'node:path';

export class DataDirInUseError extends Error {
	constructor(dataDir: string, pid: number) {
		super(
			`The data directory ${path.resolve(dataDir)} is already open in another Signalroom process (pid ${pid}). ` +
				`Stop that process first, or point this one at another directory with DATA_DIR=... ` +
				`(the embedded database is damaged if two processes open it at once).`
		);
		this.name = 'DataDirInUseError';
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Takes an exclusive lock on an embedded data directory (a pid file created with O_EXCL).
 * A lock left by a process that no longer runs is taken over. Returns the release function.
 */
export function acquireDataDirLock(dataDir: string): () => void {
	const lockPath = path.join(dataDir, 'signalroom.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				process.off('exit', release);
				fs.rmSync(lockPath, { force: true });
			};
			process.on('exit', release);
			return release;
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			const pid = Number(fs.readFileSync(lockPath, 'utf8'));
			if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
				throw new DataDirInUseError(dataDir, pid);
			}
			fs.rmSync(lockPath, { force: true });
		}
	}
	throw new Error(`Could not lock ${lockPath}`);
}
