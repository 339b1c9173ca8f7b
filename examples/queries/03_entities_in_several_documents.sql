-- Organisations, States and people that take part in more than one document (same entity_id).
SELECT entity_id, count(DISTINCT document_id) AS documents, string_agg(DISTINCT name, ' / ' ORDER BY name) AS names
FROM participants
WHERE entity_id IS NOT NULL
GROUP BY entity_id
HAVING count(DISTINCT document_id) > 1
ORDER BY entity_id;
