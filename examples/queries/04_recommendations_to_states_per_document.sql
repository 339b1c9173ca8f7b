-- Recommendations addressed to States (the State party under review, or States in general), per document.
SELECT document_id, addressed_to_kind, count(*) AS recommendations
FROM recommendations
WHERE addressed_to_kind IN ('state_party', 'states')
GROUP BY document_id, addressed_to_kind
ORDER BY document_id, addressed_to_kind;
