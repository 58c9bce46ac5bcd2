/** Checks real responses against the served OpenAPI document, with an independent validator (Ajv). */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';

type Doc = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

export function documentValidator(doc: Doc) {
	const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
	addFormats(ajv);
	ajv.addSchema(doc as object, 'openapi');
	/** Throws unless `body` is what the document promises for this operation and status. */
	return (method: string, template: string, status: number, body: unknown) => {
		const op = doc.paths[template]?.[method.toLowerCase()];
		if (!op) throw new Error(`${method} ${template} is not in the OpenAPI document`);
		if (!op.responses[String(status)]) throw new Error(`${method} ${template} answered ${status}, which the document does not list`);
		const validate = ajv.getSchema(`openapi#/${pointer('paths', template, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema')}`)!;
		if (!validate(body)) throw new Error(`${method} ${template} ${status} does not match the document: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
	};
}

/** Every endpoint file under src/routes/api/v1 as [OpenAPI path, methods it exports] (the 404 catch-all aside). */
export function routeFiles(root = 'src/routes/api/v1'): { path: string; methods: string[] }[] {
	const found: { path: string; methods: string[] }[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+server.ts') {
				const rel = path.relative(root, dir).split(path.sep).filter(Boolean);
				if (rel.some((s) => s.startsWith('[...'))) continue;
				const source = fs.readFileSync(full, 'utf8');
				const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1].toLowerCase());
				found.push({ path: '/api/v1' + rel.map((s) => '/' + s.replace(/^\[(\w+)\]$/, '{$1}')).join(''), methods });
			}
		}
	};
	walk(root);
	return found;
}
