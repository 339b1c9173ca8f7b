-- Documents the tables point at whose text is not in the package, and how often each is referred to.
SELECT d.document_id, d.symbol, d.title,
       (SELECT count(*) FROM recommendations AS r WHERE r.document_id = d.document_id) AS recommendations_made,
       (SELECT count(*) FROM recommendations AS r WHERE r.recalls_document_id = d.document_id) AS recalled
FROM documents AS d
WHERE NOT d.has_text
ORDER BY d.document_id;
