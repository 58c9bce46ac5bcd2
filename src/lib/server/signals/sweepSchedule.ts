/**
 * The scheduled signal sweep: croner runs it every SIGNAL_SWEEP cron pattern (default every
 * 15 minutes) and once shortly after start, over every workspace. `protect` stops a slow sweep
 * from overlapping the next in this process; the advisory lock in sweepSignals stops other
 * processes sharing the database from sweeping the same workspace at the same time.
 */
import { Cron } from 'croner';
import type { Database } from '../db/index';
import { workspace } from '../db/schema';
import { sweepSignals } from './detectSignals';

const holder = globalThis as typeof globalThis & { __signalroomSweep?: Cron };

/** Sweeps every workspace once; a workspace another process is sweeping is skipped. */
export async function sweepAllWorkspaces(db: Database, now = new Date()): Promise<void> {
	const workspaces = await db.select({ id: workspace.id, slug: workspace.slug }).from(workspace);
	for (const w of workspaces) {
		try {
			await sweepSignals(db, w.id, { now });
		} catch (e) {
			console.error(`Signal sweep of workspace ${w.slug} failed:`, e);
		}
	}
}

/** Starts the schedule (once per process); SIGNAL_SWEEP=off turns it off. */
export function startSignalSweeps(database: () => Promise<Database>): void {
	const pattern = process.env.SIGNAL_SWEEP ?? '*/15 * * * *';
	if (pattern === 'off' || holder.__signalroomSweep) return;
	const run = async () => sweepAllWorkspaces(await database());
	holder.__signalroomSweep = new Cron(pattern, { name: 'signal-sweep', protect: true, catch: (e) => console.error('Signal sweep failed:', e) }, run);
	setTimeout(() => void holder.__signalroomSweep?.trigger(), 5_000).unref();
}

export function stopSignalSweeps(): void {
	holder.__signalroomSweep?.stop();
	holder.__signalroomSweep = undefined;
}
