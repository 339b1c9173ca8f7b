-- rule: paragraph-id-document
-- table: paragraphs
-- reads: paragraphs
-- checks: paragraph_id starts with its document_id and a full stop (<document_id>.<local id>), so each
--   document's rows are told apart by their keys.
SELECT __row AS row, 'paragraph_id' AS field, paragraph_id AS value,
       'paragraph_id does not start with its document_id ' || document_id || '.' AS message
FROM paragraphs
WHERE paragraph_id IS NOT NULL AND document_id IS NOT NULL AND NOT starts_with(paragraph_id, document_id || '.')
