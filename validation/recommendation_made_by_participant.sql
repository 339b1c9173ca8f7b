-- rule: recommendation-made-by-participant
-- table: recommendations
-- reads: recommendations, participant_paragraphs
-- checks: A recommendation's paragraph_id is one of the participant_paragraphs of its made_by_participant_id
--   (the participant is named where it makes the recommendation).
SELECT r.__row AS row, 'made_by_participant_id' AS field, r.made_by_participant_id AS value,
       'the paragraph ' || r.paragraph_id || ' is not among the participant_paragraphs of this participant'
           AS message
FROM recommendations r
WHERE r.paragraph_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM participant_paragraphs pp WHERE pp.participant_id = r.made_by_participant_id)
  AND NOT EXISTS (SELECT 1 FROM participant_paragraphs pp
                  WHERE pp.participant_id = r.made_by_participant_id AND pp.paragraph_id = r.paragraph_id)
