-- rule: participant-paragraphs-exist
-- table: participants
-- reads: participants, paragraphs
-- checks: Every id in participants.paragraph_ids is a paragraph of the participant's document.
WITH ids AS (
    SELECT __row, document_id, unnest(string_split(paragraph_ids, ';')) AS pid
    FROM participants WHERE paragraph_ids IS NOT NULL
)
SELECT i.__row AS row, 'paragraph_ids' AS field, i.pid AS value,
       CASE WHEN p.paragraph_id IS NULL THEN 'no paragraphs.paragraph_id has this value'
            ELSE 'the paragraph belongs to ' || p.document_id || ', not to ' || i.document_id END AS message
FROM ids i LEFT JOIN paragraphs p ON p.paragraph_id = i.pid
WHERE p.paragraph_id IS NULL OR p.document_id <> i.document_id
