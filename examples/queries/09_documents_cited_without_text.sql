-- Documents the tables point at whose text is not in the package, and how often each is cited or recommends.
SELECT d.document_id, d.symbol, d.title,
       (SELECT count(*) FROM recommendations AS r WHERE r.document_id = d.document_id) AS recommendations_made,
       (SELECT count(*) FROM citations AS c WHERE c.cited_document_id = d.document_id) AS cited
FROM documents AS d
WHERE NOT d.has_text
ORDER BY d.document_id;
