-- rule: participant-paragraphs-exist
-- table: participant_paragraphs
-- reads: participant_paragraphs, participants, paragraphs
-- checks: Every participant_paragraphs row names a paragraph of the participant's document, and seq runs
--   1..n per participant in the paragraphs' reading order.
WITH l AS (
    SELECT pp.__row, pp.participant_id, pp.seq, pp.paragraph_id, pt.document_id, p.document_id AS p_document,
           p.seq AS p_seq,
           row_number() OVER (PARTITION BY pp.participant_id ORDER BY pp.seq) AS n,
           row_number() OVER (PARTITION BY pp.participant_id ORDER BY p.seq) AS reading
    FROM participant_paragraphs pp JOIN participants pt ON pt.participant_id = pp.participant_id
    LEFT JOIN paragraphs p ON p.paragraph_id = pp.paragraph_id
)
SELECT __row AS row, 'paragraph_id' AS field, paragraph_id AS value,
       'the paragraph belongs to ' || p_document || ', not to ' || document_id AS message
FROM l WHERE p_document IS NOT NULL AND p_document <> document_id
UNION ALL
SELECT __row, 'seq', CAST(seq AS VARCHAR), 'seq of participant ' || participant_id || ' should be ' || n
FROM l WHERE seq IS NOT NULL AND seq <> n
UNION ALL
SELECT __row, 'seq', CAST(seq AS VARCHAR), 'the paragraphs of participant ' || participant_id || ' are not in reading order'
FROM l WHERE seq IS NOT NULL AND seq = n AND p_seq IS NOT NULL AND n <> reading
