/** What a session leaves behind: insights, action items, agreed playbook changes and wins. */
import type { CommandOf } from './commands';
import { accept, refuse, type DecideContext, type Decision } from './decision';
import { currentItem, findById } from './state';
import { LIMITS } from './vocabulary';

type OutcomeCommand = CommandOf<
	| 'insight.add'
	| 'insight.remove'
	| 'actionItem.add'
	| 'actionItem.update'
	| 'actionItem.remove'
	| 'playbookChange.agree'
	| 'playbookChange.remove'
	| 'win.record'
	| 'win.remove'
>;

export function decideOutcomeEvents(ctx: DecideContext, command: OutcomeCommand): Decision {
	const { state } = ctx;
	const id = ctx.commandId;
	switch (command.type) {
		case 'insight.add':
			if (state.insights.length >= LIMITS.insights) return refuse(tooMany(LIMITS.insights, 'insights'));
			return accept(ctx.event('insight.added', { insightId: id, text: command.text, itemId: currentItem(state).id }));
		case 'insight.remove':
			if (!findById(state.insights, command.insightId)) return accept();
			return accept(ctx.event('insight.removed', { insightId: command.insightId }));
		case 'actionItem.add': {
			if (state.actionItems.length >= LIMITS.actionItems) return refuse(tooMany(LIMITS.actionItems, 'action items'));
			const { title, ownerId, dueOn, accountId } = command;
			return accept(ctx.event('actionItem.added', { actionItemId: id, title, ownerId, dueOn, accountId }));
		}
		case 'actionItem.update': {
			const item = findById(state.actionItems, command.actionItemId);
			if (!item) return refuse('That action item has been removed, so it cannot be changed.');
			const { title, ownerId, dueOn, accountId } = command;
			const unchanged =
				item.title === title && item.ownerId === ownerId && item.dueOn === dueOn && item.accountId === accountId;
			if (unchanged) return accept();
			return accept(
				ctx.event('actionItem.updated', { actionItemId: item.id, title, ownerId, dueOn, accountId })
			);
		}
		case 'actionItem.remove':
			if (!findById(state.actionItems, command.actionItemId)) return accept();
			return accept(ctx.event('actionItem.removed', { actionItemId: command.actionItemId }));
		case 'playbookChange.agree': {
			if (state.playbookChanges.length >= LIMITS.playbookChanges) {
				return refuse(tooMany(LIMITS.playbookChanges, 'playbook changes'));
			}
			const live = new Set(state.tags.map((t) => t.id));
			if (command.evidenceTagIds.some((tagId) => !live.has(tagId))) {
				return refuse('A tag picked as evidence has been withdrawn; pick the evidence again.');
			}
			const { text, signalId, evidenceTagIds } = command;
			return accept(ctx.event('playbookChange.agreed', { changeId: id, text, signalId, evidenceTagIds }));
		}
		case 'playbookChange.remove':
			if (!findById(state.playbookChanges, command.changeId)) return accept();
			return accept(ctx.event('playbookChange.removed', { changeId: command.changeId }));
		case 'win.record': {
			if (state.wins.length >= LIMITS.wins) return refuse(tooMany(LIMITS.wins, 'wins'));
			const { kind, accountId, text } = command;
			return accept(ctx.event('win.recorded', { winId: id, kind, accountId, text }));
		}
		case 'win.remove':
			if (!findById(state.wins, command.winId)) return accept();
			return accept(ctx.event('win.removed', { winId: command.winId }));
	}
}

function tooMany(limit: number, what: string): string {
	return `This session already holds ${limit} ${what}, the most one session can keep.`;
}
