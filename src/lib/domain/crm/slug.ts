/** "Acme Corp. (EU)" -> "acme-corp-eu": used for workspace URLs. */
export function slugify(name: string): string {
	const slug = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/g, '');
	return slug || 'workspace';
}

/** Lower case, no scheme, no "www.", no path or port: "https://www.Acme.com/x" -> "acme.com". */
export function normalizeDomain(input: string): string {
	return input
		.trim()
		.toLowerCase()
		.replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
		.replace(/^www\./, '')
		.replace(/[/?#:].*$/, '')
		.replace(/\.$/, '');
}
