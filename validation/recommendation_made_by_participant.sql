-- rule: recommendation-made-by-participant
-- table: recommendations
-- reads: recommendations, participants
-- checks: A recommendation's paragraph_id is one of the paragraph_ids of its made_by_participant_id (the
--   participant is named where it makes the recommendation).
SELECT r.__row AS row, 'made_by_participant_id' AS field, r.made_by_participant_id AS value,
       'the paragraph ' || r.paragraph_id || ' is not in the paragraph_ids of this participant' AS message
FROM recommendations r JOIN participants p ON p.participant_id = r.made_by_participant_id
WHERE r.paragraph_id IS NOT NULL AND p.paragraph_ids IS NOT NULL
  AND NOT list_contains(string_split(p.paragraph_ids, ';'), r.paragraph_id)
