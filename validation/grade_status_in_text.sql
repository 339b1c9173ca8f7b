-- rule: grade-status-in-text
-- table: grades
-- reads: grades, grade_paragraphs, paragraphs
-- checks: grades.implementation_status, when set, occurs word for word in the text of one of the grade's
--   grade_paragraphs.
SELECT g.__row AS row, 'implementation_status' AS field, g.implementation_status AS value,
       'the status does not occur in the text of the grade''s grade_paragraphs' AS message
FROM grades g
WHERE g.implementation_status IS NOT NULL
  AND NOT EXISTS (
      SELECT 1
      FROM grade_paragraphs gp JOIN paragraphs p ON p.paragraph_id = gp.paragraph_id
      WHERE gp.grade_id = g.grade_id AND contains(p.text, g.implementation_status)
  )
