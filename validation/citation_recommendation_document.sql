-- rule: citation-recommendation-document
-- table: citations
-- reads: citations, recommendations, paragraphs
-- checks: A citation's recommendation_id, when set, is a recommendation printed in the citing paragraph's
--   document, and a citation never cites the document it is printed in.
SELECT c.__row AS row, 'recommendation_id' AS field, c.recommendation_id AS value,
       'the recommendation is printed in ' || rp.document_id || ', the citation in ' || cp.document_id AS message
FROM citations c
JOIN paragraphs cp ON cp.paragraph_id = c.paragraph_id
JOIN recommendations r ON r.recommendation_id = c.recommendation_id
JOIN paragraphs rp ON rp.paragraph_id = r.paragraph_id
WHERE rp.document_id <> cp.document_id
UNION ALL
SELECT c.__row, 'cited_document_id', c.cited_document_id, 'a document cannot cite itself'
FROM citations c JOIN paragraphs cp ON cp.paragraph_id = c.paragraph_id
WHERE c.cited_document_id = cp.document_id
