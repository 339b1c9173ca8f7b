-- rule: grade-text-paragraphs-in-block
-- table: grade_paragraphs
-- reads: grade_paragraphs, grades, paragraphs
-- checks: Every paragraph of a grade's grade_paragraphs sits directly under the grade's assessment heading
--   (its parent_id is assessment_paragraph_id).
SELECT gp.__row AS row, 'paragraph_id' AS field, gp.paragraph_id AS value,
       'the paragraph sits under ' || coalesce(p.parent_id, '(nothing)') || ', not under the assessment heading '
           || g.assessment_paragraph_id || ' of grade ' || g.grade_id AS message
FROM grade_paragraphs gp
JOIN grades g ON g.grade_id = gp.grade_id
JOIN paragraphs p ON p.paragraph_id = gp.paragraph_id
WHERE g.assessment_paragraph_id IS NOT NULL AND p.parent_id IS DISTINCT FROM g.assessment_paragraph_id
