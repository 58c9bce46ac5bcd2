import { openDatabase, type Database, type OpenDatabase } from './index';

/** Kept on globalThis so dev-server module reloads reuse the one open store (PGlite must not open twice). */
const holder = globalThis as typeof globalThis & { __signalroomDb?: Promise<OpenDatabase> };

/** Opens the app's store from the environment: DATABASE_URL, else PGlite in DATA_DIR (./data). */
export function startDatabase(): Promise<OpenDatabase> {
	holder.__signalroomDb ??= openDatabase({
		url: process.env.DATABASE_URL || undefined,
		dataDir: process.env.DATA_DIR || './data'
	});
	return holder.__signalroomDb;
}

let current: Database | undefined;

export async function useDatabase(): Promise<Database> {
	current ??= (await startDatabase()).db;
	return current;
}

/** The app's database; only valid after the server's init hook has run. */
export function db(): Database {
	if (!current) throw new Error('The database is not open yet: startDatabase() runs in the init hook.');
	return current;
}

export async function stopDatabase(): Promise<void> {
	const opened = holder.__signalroomDb;
	holder.__signalroomDb = undefined;
	current = undefined;
	if (opened) await (await opened).close();
}
