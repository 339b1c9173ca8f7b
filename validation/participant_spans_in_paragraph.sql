-- rule: participant-spans-in-paragraph
-- table: participants
-- reads: participants, participant_paragraphs, paragraphs
-- checks: Each span of a participant's name_spans lies inside a span of its first paragraph (participant_paragraphs
--   seq 1).
WITH named AS (
    SELECT pt.__row, pp.paragraph_id, pt.name_spans
    FROM participants pt JOIN participant_paragraphs pp ON pp.participant_id = pt.participant_id AND pp.seq = 1
)
SELECT * FROM spans_outside_paragraph('named', 'name_spans')
