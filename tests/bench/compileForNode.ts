/**
 * Compiles a bench child script (TypeScript, importing src/ through $lib) to one JavaScript file,
 * so the child runs as the production server does: plain node, no transpiler in the process. A
 * child run with `--import tsx` carries tsx's loader thread and its module graph, about 80 MB of
 * resident memory that the app never has. Packages stay external (resolved from node_modules).
 */
import path from 'node:path';
import { build } from 'esbuild';

export async function compileForNode(entry: string): Promise<string> {
	const root = process.cwd();
	const outfile = path.join(root, 'node_modules', '.cache', 'signalroom-bench', `${path.basename(entry, '.ts')}.mjs`);
	await build({
		entryPoints: [path.resolve(root, entry)],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		packages: 'external',
		alias: { $lib: path.join(root, 'src', 'lib') },
		logLevel: 'warning'
	});
	return outfile;
}
