import type { OpenDatabase } from './db/index';

interface DemoInfo {
	slug: string;
	password: string;
	users: { email: string; role: string; department: string }[];
}

/** What the terminal shows on start: where to open the app, where data lives, how to sign in to the demo. */
export function printBanner(db: OpenDatabase, demo: DemoInfo | null): void {
	const url = process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? '3000'}`;
	const lines = [
		'',
		`  Signalroom is starting at ${url}`,
		`  Database: ${db.kind === 'pglite' ? `embedded PostgreSQL (PGlite) in ${db.location}` : db.location}`
	];
	if (demo) {
		const facilitator = demo.users.find((u) => u.role === 'facilitator') ?? demo.users[0];
		lines.push(
			'',
			`  Demo workspace: ${url}/w/${demo.slug}`,
			`  Demo login:     ${facilitator.email} / ${demo.password}`,
			`  Other demo users (same password): ${demo.users
				.filter((u) => u !== facilitator)
				.map((u) => u.email)
				.join(', ')}`
		);
	}
	console.log(lines.join('\n') + '\n');
}
