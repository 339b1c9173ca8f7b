-- How each document with text is made up: units of text by kind.
SELECT d.document_id, d.document_type, p.kind, count(*) AS units
FROM documents AS d
JOIN paragraphs AS p ON p.document_id = d.document_id
GROUP BY ALL
ORDER BY d.document_id, p.kind;
