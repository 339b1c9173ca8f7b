-- rule: grade-text-paragraphs-exist
-- table: grades
-- reads: grades, paragraphs
-- checks: Every id in grades.text_paragraph_ids is a paragraph of the assessing document.
WITH ids AS (
    SELECT __row, document_id, unnest(string_split(text_paragraph_ids, ';')) AS pid
    FROM grades WHERE text_paragraph_ids IS NOT NULL
)
SELECT i.__row AS row, 'text_paragraph_ids' AS field, i.pid AS value,
       CASE WHEN p.paragraph_id IS NULL THEN 'no paragraphs.paragraph_id has this value'
            ELSE 'the paragraph belongs to ' || p.document_id || ', not to ' || i.document_id END AS message
FROM ids i LEFT JOIN paragraphs p ON p.paragraph_id = i.pid
WHERE p.paragraph_id IS NULL OR p.document_id <> i.document_id
