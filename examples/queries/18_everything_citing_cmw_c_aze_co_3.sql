-- Everything that cites or relates to CMW/C/AZE/CO/3: citations of it and relations to it, with the paragraph
-- that says so. (Its reproduced recommendations and their grades are in recommendations and grades.)
SELECT 'citation' AS link, c.how AS kind, p.document_id AS from_document, c.paragraph_id, c.pinpoint, c.text
FROM citations AS c
JOIN paragraphs AS p ON p.paragraph_id = c.paragraph_id
JOIN documents AS d ON d.document_id = c.cited_document_id
WHERE d.symbol = 'CMW/C/AZE/CO/3'
UNION ALL
SELECT 'relation', rel.relation, rel.document_id, rel.paragraph_id, NULL, rel.text
FROM relations AS rel
JOIN documents AS d ON d.document_id = rel.related_document_id
WHERE d.symbol = 'CMW/C/AZE/CO/3'
ORDER BY link, paragraph_id;
