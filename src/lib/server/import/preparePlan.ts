import { IMPORT_FIELDS, type ImportEntity } from '../../domain/import/fields';
import { detectPreset, mapColumns, type Preset } from '../../domain/import/presets';
import type { DateFormat } from '../../domain/import/dates';
import type { FileProfile } from './profileFile';
import type { StoredPlan } from './importJobs';

/** Date formats of the mapped date fields, from the detection over each column's values. */
export function detectedDateFormats(entity: ImportEntity, mapping: Record<string, number>, profile: FileProfile): Record<string, DateFormat> {
	const formats: Record<string, DateFormat> = {};
	for (const field of IMPORT_FIELDS[entity]) {
		if (field.kind !== 'date' && field.kind !== 'datetime') continue;
		const column = mapping[field.key] ?? -1;
		formats[field.key] = (column >= 0 && profile.columns[column]?.date?.format) || 'iso';
	}
	return formats;
}

/**
 * The starting plan for a file: the preset its headers fit (or the one given), its mapping and
 * the detected date formats. A plan from an earlier upload of the same columns (a fixed file) is
 * reused as it was, value maps and all.
 */
export function preparePlan(entity: ImportEntity, profile: FileProfile, options: { preset?: Preset; previous?: StoredPlan | null } = {}): StoredPlan {
	const previous = options.previous;
	if (previous && previous.entity === entity && previous.headers.join('\u0000') === profile.headers.join('\u0000')) {
		return { ...previous, headers: profile.headers };
	}
	const preset = options.preset ?? detectPreset(profile.headers, entity);
	const mapping = mapColumns(profile.headers, entity, preset);
	return { entity, preset, headers: profile.headers, mapping, dateFormats: detectedDateFormats(entity, mapping, profile), valueMaps: {} };
}
