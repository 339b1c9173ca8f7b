-- rule: grade-has-text
-- table: grades
-- reads: grades, grade_paragraphs
-- checks: Every grade has at least one grade_paragraphs row (its assessment text).
SELECT g.__row AS row, 'grade_id' AS field, g.grade_id AS value,
       'no grade_paragraphs row gives this grade''s assessment text' AS message
FROM grades g
WHERE g.grade_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM grade_paragraphs gp WHERE gp.grade_id = g.grade_id)
