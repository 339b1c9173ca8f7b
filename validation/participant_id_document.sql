-- rule: participant-id-document
-- table: participants
-- reads: participants
-- checks: participant_id starts with its document_id and a full stop (<document_id>.<local id>), so each
--   document's rows are told apart by their keys.
SELECT __row AS row, 'participant_id' AS field, participant_id AS value,
       'participant_id does not start with its document_id ' || document_id || '.' AS message
FROM participants
WHERE participant_id IS NOT NULL AND document_id IS NOT NULL AND NOT starts_with(participant_id, document_id || '.')
