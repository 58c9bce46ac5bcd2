/** The lead qualification calibrations of a session as Markdown: agreement, ratings, consensus, criteria. */
import { escapeMarkdown as md, renderTable } from './markdown';
import type { SessionState } from './state';

export interface CalibrationNames {
	person: (userId: string) => string;
	department: (userId: string) => string;
	account: (accountId: string) => string;
}

/** "0.72" (or "not enough revealed ratings yet"): the same words on the page and in the export. */
export function formatAlpha(alpha: number | null): string {
	return alpha === null ? 'not enough revealed ratings yet' : alpha.toFixed(2);
}

export function renderCalibrations(state: SessionState, names: CalibrationNames): string | null {
	if (state.calibrations.length === 0) return null;
	const itemTitle = (itemId: string) => state.plan.agenda.find((i) => i.id === itemId)?.title ?? 'an agenda item';
	const parts = state.calibrations.map((c) => {
		const { alpha, leads, ratings } = c.agreement;
		const lines = [
			`### ${md(itemTitle(c.itemId))}`,
			'',
			`**Agreement between raters (Krippendorff's alpha, interval):** ${formatAlpha(alpha)}${alpha === null ? '' : ` over ${leads} lead${leads === 1 ? '' : 's'} and ${ratings} ratings`}.`
		];
		if (c.criteria) lines.push('', `**Agreed criteria:** ${md(c.criteria.text)}`);
		const rows = c.leads.flatMap((lead) => {
			const rounds = [...lead.earlierRounds.map((r, i) => ({ label: `vote ${i + 1}`, ratings: r.ratings })), ...(lead.revealed ? [{ label: `vote ${lead.earlierRounds.length + 1}`, ratings: lead.ratings }] : [])];
			const consensus = lead.consensus ? `${lead.consensus.score}` : '';
			if (rounds.length === 0) return [[names.account(lead.accountId), 'not revealed', `${Object.keys(lead.ratings).length} rated, sealed`, consensus]];
			return rounds.map((round, i) => {
				const cells = Object.entries(round.ratings).map(([userId, r]) => `${names.person(userId)} (${names.department(userId)}): ${r.score}${r.reason ? ` “${md(r.reason)}”` : ''}`);
				return [names.account(lead.accountId), rounds.length > 1 ? round.label : '', cells.join('; '), i === rounds.length - 1 ? consensus : ''];
			});
		});
		if (rows.length) lines.push('', renderTable(['Lead', 'Vote', 'Ratings', 'Consensus'], rows));
		return lines.join('\n');
	});
	return `## Lead qualification calibration\n\n${parts.join('\n\n')}`;
}
