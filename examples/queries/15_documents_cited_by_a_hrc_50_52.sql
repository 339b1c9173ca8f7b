-- Which documents does A/HRC/50/52 cite, how often, and is their text in this package?
SELECT d.document_id, d.symbol, d.title, d.document_type, d.has_text, count(*) AS citations
FROM citations AS c
JOIN paragraphs AS p ON p.paragraph_id = c.paragraph_id
JOIN documents AS citing ON citing.document_id = p.document_id
JOIN documents AS d ON d.document_id = c.cited_document_id
WHERE citing.symbol = 'A/HRC/50/52'
GROUP BY d.document_id, d.symbol, d.title, d.document_type, d.has_text
ORDER BY citations DESC, d.document_id;
