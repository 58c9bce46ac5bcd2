import { IMPORT_FIELDS } from '../../domain/import/fields';
import { DATE_FORMATS, type DateFormat } from '../../domain/import/dates';
import { pick } from '../../domain/forms/pick';
import type { FileProfile } from './profileFile';
import type { StoredPlan } from './importJobs';

/**
 * The mapping form as a plan: `map.<field>` is a column index (-1: not imported), `date.<field>`
 * a date format, and `value.<field>.<i>` our value for the i-th distinct value of the column the
 * list was shown for (`valuecol.<field>`), so a value map never lands on another column's values.
 * Anything out of range is ignored.
 */
export function readPlanForm(form: FormData, current: StoredPlan, profile: FileProfile): StoredPlan {
	const mapping: Record<string, number> = {};
	const dateFormats: Record<string, DateFormat> = { ...current.dateFormats };
	const valueMaps: Record<string, Record<string, string>> = {};
	for (const field of IMPORT_FIELDS[current.entity]) {
		const raw = form.get(`map.${field.key}`);
		const column = raw === null ? (current.mapping[field.key] ?? -1) : Number(raw);
		mapping[field.key] = Number.isInteger(column) && column >= -1 && column < profile.headers.length ? column : -1;
		const format = pick(DATE_FORMATS, String(form.get(`date.${field.key}`) ?? ''));
		if (format) dateFormats[field.key] = format;
		if (field.kind !== 'choice') continue;
		const shownFor = Number(form.get(`valuecol.${field.key}`));
		const values = profile.columns[shownFor]?.values;
		if (shownFor !== mapping[field.key] || !values) {
			if (current.mapping[field.key] === mapping[field.key] && current.valueMaps[field.key]) valueMaps[field.key] = current.valueMaps[field.key];
			continue;
		}
		const map: Record<string, string> = {};
		values.forEach((value, i) => {
			const chosen = String(form.get(`value.${field.key}.${i}`) ?? '');
			if (field.choices?.includes(chosen)) map[value] = chosen;
		});
		valueMaps[field.key] = map;
	}
	return { ...current, mapping, dateFormats, valueMaps };
}
