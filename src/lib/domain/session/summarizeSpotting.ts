/** The signal spotting rounds of a session as Markdown: every round, answers side by side. */
import { escapeMarkdown as md, renderTable } from './markdown';
import type { SpottedSignal } from './events';
import type { SessionState } from './state';

export interface SpottingNames {
	person: (userId: string) => string;
	department: (userId: string) => string;
	account: (accountId: string) => string;
	event: (activityId: number) => string;
}

export function renderSpottingRounds(state: SessionState, names: SpottingNames): string | null {
	if (state.spottingRounds.length === 0) return null;
	const itemTitle = (itemId: string) => state.plan.agenda.find((i) => i.id === itemId)?.title ?? 'an agenda item';
	const spotted = (s: SpottedSignal) => `${names.event(s.activityId)}: ${md(s.note)}`;
	const rounds = state.spottingRounds.map((round, i) => {
		const heading = `### Round ${i + 1}: ${md(itemTitle(round.itemId))}`;
		const rows = Object.entries(round.assignments).map(([userId, accountId]) => {
			const entry = round.answers[userId];
			const who = `${names.person(userId)} (${names.department(userId)})`;
			if (entry?.answer) return [who, names.account(accountId), spotted(entry.answer.positive), spotted(entry.answer.risk)];
			const missing = entry ? 'answered, not revealed' : 'no answer';
			return [who, names.account(accountId), missing, missing];
		});
		const note = round.revealed ? '' : '\n\n_Not revealed before the session ended: each answer stays with its author._';
		return `${heading}${note}\n\n${renderTable(['Participant', 'Account', 'Positive signal', 'Risk signal'], rows)}`;
	});
	return `## Signal spotting\n\n${rounds.join('\n\n')}`;
}
