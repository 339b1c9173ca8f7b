-- rule: recommendation-id-document
-- table: recommendations
-- reads: recommendations
-- checks: recommendation_id starts with its document_id and a full stop (<document_id>.<local id>), so each
--   document's rows are told apart by their keys.
SELECT __row AS row, 'recommendation_id' AS field, recommendation_id AS value,
       'recommendation_id does not start with its document_id ' || document_id || '.' AS message
FROM recommendations
WHERE recommendation_id IS NOT NULL AND document_id IS NOT NULL AND NOT starts_with(recommendation_id, document_id || '.')
