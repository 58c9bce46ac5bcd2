-- Session state keeps every signal spotting round (spottingRounds) instead of only the last one
-- (spotting), and who actually took part (attendeeIds). States stored before this change get
-- their last round (the only one they kept) with the agenda item it was dealt in and when it was
-- revealed, and as attendees everyone who acted in the session, in the order they first did.
UPDATE "practice_session" ps
SET "state" = (ps."state" - 'spotting') || jsonb_build_object(
	'spottingRounds',
	CASE WHEN jsonb_typeof(ps."state" -> 'spotting') = 'object' THEN jsonb_build_array(
		(ps."state" -> 'spotting') || jsonb_build_object(
			'itemId', coalesce(
				(SELECT opened."event" ->> 'itemId' FROM "session_event" opened
					WHERE opened."session_id" = ps."id" AND opened."type" = 'agenda.itemOpened'
						AND opened."seq" < (SELECT dealt."seq" FROM "session_event" dealt
							WHERE dealt."session_id" = ps."id" AND dealt."type" = 'spotting.dealt'
								AND dealt."event" ->> 'dealId' = ps."state" -> 'spotting' ->> 'dealId')
					ORDER BY opened."seq" DESC LIMIT 1),
				ps."state" -> 'plan' -> 'agenda' -> 0 ->> 'id'
			),
			'revealedAt', (SELECT to_jsonb(revealed."event" ->> 'at') FROM "session_event" revealed
				WHERE revealed."session_id" = ps."id" AND revealed."type" = 'spotting.revealed'
					AND revealed."event" ->> 'dealId' = ps."state" -> 'spotting' ->> 'dealId'
				LIMIT 1)
		)
	)
	ELSE '[]'::jsonb END,
	'attendeeIds', coalesce(
		(SELECT jsonb_agg(firsts."actor_id" ORDER BY firsts."first_seq")
			FROM (SELECT "actor_id", min("seq") AS "first_seq" FROM "session_event"
				WHERE "session_id" = ps."id" AND "actor_id" IS NOT NULL AND "seq" <= ps."last_seq"
				GROUP BY "actor_id") firsts),
		'[]'::jsonb
	)
)
WHERE ps."state" ? 'spotting';
