-- rule: grade-text-paragraphs-in-block
-- table: grades
-- reads: grades, paragraphs
-- checks: Every paragraph in grades.text_paragraph_ids sits directly under the grade's assessment heading
--   (its parent_id is assessment_paragraph_id).
WITH ids AS (
    SELECT __row, assessment_paragraph_id, unnest(string_split(text_paragraph_ids, ';')) AS pid
    FROM grades WHERE text_paragraph_ids IS NOT NULL
)
SELECT i.__row AS row, 'text_paragraph_ids' AS field, i.pid AS value,
       'the paragraph sits under ' || coalesce(p.parent_id, '(nothing)') || ', not under the assessment heading '
           || i.assessment_paragraph_id AS message
FROM ids i JOIN paragraphs p ON p.paragraph_id = i.pid
WHERE p.parent_id IS DISTINCT FROM i.assessment_paragraph_id
