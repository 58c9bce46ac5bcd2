/** Tagging timeline events during the walkthrough: add, edit and withdraw one's own tags. */
import type { CommandOf } from './commands';
import { accept, refuse, type DecideContext, type Decision } from './decision';
import type { SignalRef, TagFields } from './events';
import { signalKey } from './signalKey';
import { findById, type SessionTag } from './state';
import { LIMITS } from './vocabulary';

type TagCommand = CommandOf<'tag.add' | 'tag.edit' | 'tag.withdraw'>;

export function decideTagEvents(ctx: DecideContext, command: TagCommand): Decision {
	const { state } = ctx;
	if (command.type === 'tag.add') {
		if (state.tags.length >= LIMITS.tags) {
			return refuse(`This session already holds ${LIMITS.tags} tags, the most one session can keep.`);
		}
		const fields = tagFieldsOf(command);
		if (findOwnDuplicate(state.tags, ctx.actor.userId, command.activityId, fields.signal)) {
			return refuse(SAME_TAG);
		}
		return accept(
			ctx.event('tag.added', {
				tagId: ctx.commandId,
				activityId: command.activityId,
				accountId: command.accountId,
				...fields,
				department: ctx.actor.department
			})
		);
	}
	const tag = findById(state.tags, command.tagId);
	if (command.type === 'tag.withdraw') {
		if (!tag) return accept();
		const change = state.playbookChanges.find((c) => c.evidenceTagIds.includes(tag.id));
		if (change) {
			return refuse(
				'This tag is evidence for a playbook change the team agreed; ask the facilitator to remove that change first.'
			);
		}
		return accept(ctx.event('tag.withdrawn', { tagId: tag.id }));
	}
	if (!tag) return refuse('That tag has been withdrawn, so it cannot be edited.');
	const fields = tagFieldsOf(command);
	if (sameFields(tag, fields)) return accept();
	const duplicate = findOwnDuplicate(state.tags, tag.authorId, tag.activityId, fields.signal);
	if (duplicate && duplicate.id !== tag.id) return refuse(SAME_TAG);
	return accept(ctx.event('tag.edited', { tagId: tag.id, ...fields }));
}

const SAME_TAG = 'You already tagged this event with that signal; edit that tag instead.';

function tagFieldsOf(command: TagFields): TagFields {
	const signal: SignalRef =
		command.signal.kind === 'playbook'
			? { kind: 'playbook', signalId: command.signal.signalId }
			: { kind: 'new', name: command.signal.name.replace(/\s+/g, ' ') };
	return { signal, polarity: command.polarity, interpretation: command.interpretation };
}

function sameFields(tag: SessionTag, fields: TagFields): boolean {
	return (
		signalKey(tag.signal) === signalKey(fields.signal) &&
		(tag.signal.kind !== 'new' || fields.signal.kind !== 'new' || tag.signal.name === fields.signal.name) &&
		tag.polarity === fields.polarity &&
		tag.interpretation === fields.interpretation
	);
}

function findOwnDuplicate(
	tags: readonly SessionTag[],
	authorId: string,
	activityId: number,
	signal: SignalRef
): SessionTag | undefined {
	const key = signalKey(signal);
	return tags.find((t) => t.activityId === activityId && t.authorId === authorId && signalKey(t.signal) === key);
}
