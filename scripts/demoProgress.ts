import type { DemoProgress } from '../src/lib/server/demo/writeDemoWorkspace';

const fmt = (n: number) => n.toLocaleString('en-US');

/** Prints generator progress with a rows/s rate, on one rewritten line when stdout is a terminal. */
export function createProgressPrinter(stream: NodeJS.WriteStream = process.stdout) {
	const started = performance.now();
	let activityStart = 0;
	return (p: DemoProgress) => {
		if (p.table === 'activity' && !activityStart) activityStart = performance.now();
		const since = p.table === 'activity' ? activityStart : started;
		const seconds = Math.max((performance.now() - since) / 1000, 0.001);
		const rate = p.table === 'activity' && p.rows > 0 ? `  ${fmt(Math.round(p.rows / seconds))} rows/s` : '';
		const rss = `  rss ${fmt(Math.round(process.memoryUsage.rss() / 1e6))} MB`;
		const line = `${p.table.padEnd(9)} ${fmt(p.rows).padStart(11)} / ${fmt(p.total)}${rate}${rss}`;
		if (stream.isTTY) stream.write(`\r${line}   `);
		else stream.write(`${line}\n`);
		if (stream.isTTY && p.rows >= p.total) stream.write('\n');
	};
}
