-- rule: recommendation-addressee-kind
-- table: recommendations
-- reads: recommendations, documents
-- checks: addressed_to and addressed_to_kind are both set or both empty, except that a follow-up
--   evaluation's own request with no printed addressee is to the State party (addressed_to_kind state_party,
--   with a note; recommendations schema).
SELECT r.__row AS row, 'addressed_to_kind' AS field, r.addressed_to_kind AS value,
       CASE WHEN r.addressed_to IS NULL THEN 'addressed_to_kind is set but addressed_to is empty'
            ELSE 'addressed_to is set but addressed_to_kind is empty' END AS message
FROM recommendations r LEFT JOIN documents d ON d.document_id = r.document_id
WHERE (r.addressed_to IS NULL) <> (r.addressed_to_kind IS NULL)
  AND NOT (r.addressed_to IS NULL AND r.addressed_to_kind = 'state_party' AND r.notes IS NOT NULL
           AND d.document_type = 'follow_up_evaluation')
