-- rule: participant-paragraphs-complete
-- table: participants
-- reads: participants, paragraphs
-- checks: Every paragraph of the document that prints a person participant's name, or a State
--   participant's name as speaker for it (Chinese "<name>代表", English "representative of <name>"), is in the
--   paragraph_ids of one of that entity's rows in the document.
WITH named AS (
    SELECT pa.__row, pa.document_id, pa.entity_id, pa.name, p.paragraph_id
    FROM participants pa
    JOIN paragraphs p ON p.document_id = pa.document_id
    WHERE (pa.kind = 'person' AND contains(p.text, pa.name))
       OR (pa.kind = 'state' AND (contains(p.text, pa.name || '代表')
                                   OR contains(lower(p.text), lower('representative of ' || pa.name))
                                   OR contains(lower(p.text), lower('representatives of ' || pa.name))))
)
SELECT n.__row AS row, 'paragraph_ids' AS field, n.paragraph_id AS value,
       'the paragraph names ' || n.name || ' but no row of ' || n.entity_id || ' lists it' AS message
FROM named n
WHERE NOT EXISTS (
    SELECT 1 FROM participants q
    WHERE q.document_id = n.document_id AND q.entity_id = n.entity_id
      AND list_contains(string_split(q.paragraph_ids, ';'), n.paragraph_id)
)
