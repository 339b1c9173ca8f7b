-- rule: grade-id-document
-- table: grades
-- reads: grades
-- checks: grade_id starts with its document_id and a full stop (<document_id>.<local id>), so each
--   document's rows are told apart by their keys.
SELECT __row AS row, 'grade_id' AS field, grade_id AS value,
       'grade_id does not start with its document_id ' || document_id || '.' AS message
FROM grades
WHERE grade_id IS NOT NULL AND document_id IS NOT NULL AND NOT starts_with(grade_id, document_id || '.')
