import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as session from './index';

const here = fileURLToPath(new URL('.', import.meta.url));
const sources = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

/** What the browser bundle and the server may both load: no DB, SvelteKit, socket.io or node: modules. */
const ALLOWED = [/^\.\/[A-Za-z]+$/, /^zod$/, /^\.\.\/crm\/vocabulary$/, /^\.\.\/playbook\/signalSchema$/, /^\.\.\/scoring\/krippendorffAlpha$/, /^\.\.\/calendarDate$/];

describe('the session domain', () => {
	it('imports only itself, zod and pure domain vocabularies', () => {
		for (const file of sources) {
			const text = readFileSync(`${here}/${file}`, 'utf8');
			const specifiers = [
				...text.matchAll(/^(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm),
				...text.matchAll(/^import\s+['"]([^'"]+)['"]/gm),
				...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]/g)
			].map((m) => m[1]);
			expect(specifiers.length, `${file}: every import statement was read`).toBeGreaterThanOrEqual(
				text.match(/^import\b/gm)?.length ?? 0
			);
			for (const specifier of specifiers) {
				expect(ALLOWED.some((re) => re.test(specifier)), `${file} imports ${specifier}`).toBe(true);
			}
		}
	});

	it('exports its public API from index.ts', () => {
		for (const name of [
			'defaultAgenda',
			'sessionPlanSchema',
			'parseCommand',
			'authorizeCommand',
			'decideEvents',
			'sequenceEvents',
			'initialSessionState',
			'reduceSession',
			'replaySession',
			'MissingEventsError',
			'usedMs',
			'estimateClockOffset',
			'projectEventFor',
			'projectStateFor',
			'analyzeTags',
			'suggestNextFacilitator',
			'renderSessionSummary',
			'listCommandReferences'
		]) {
			expect((session as Record<string, unknown>)[name], name).toBeDefined();
		}
	});
});
