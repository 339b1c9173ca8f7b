-- rule: participant-paragraphs-exist
-- table: participant_paragraphs
-- reads: participant_paragraphs, participants, paragraphs
-- checks: Every participant_paragraphs row names a paragraph of the participant's document, and seq runs
--   1..n per participant in the paragraphs' reading order.
SELECT * FROM paragraph_list_problems('participant_paragraphs', 'participants', 'participant_id', 'participant')
