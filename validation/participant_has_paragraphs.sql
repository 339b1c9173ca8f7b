-- rule: participant-has-paragraphs
-- table: participants
-- reads: participants, participant_paragraphs
-- checks: Every participant has at least one participant_paragraphs row (the paragraph its name_spans lie in).
SELECT pt.__row AS row, 'participant_id' AS field, pt.participant_id AS value,
       'no participant_paragraphs row names a paragraph for this participant' AS message
FROM participants pt
WHERE pt.participant_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM participant_paragraphs pp WHERE pp.participant_id = pt.participant_id)
