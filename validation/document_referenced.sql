-- rule: document-referenced
-- table: documents
-- reads: documents, paragraphs, recommendations
-- checks: Every document without text here (has_text false) is cited by a document with text: a row refers
--   to it (documents.mandate_document_id, recommendations.document_id or recalls_document_id), or a
--   paragraph prints its symbol, its title, or the number in its title (35/17 in 人权理事会第 35/17 号决议, as a
--   whole number). The citing documents are the ones that keep it in the package; one no one cites is an
--   orphan.
WITH refs(cited, citing, via) AS (
    -- every way a row of the package refers to a document, one line each (add new tables here)
    SELECT mandate_document_id, document_id, 'documents.mandate_document_id' FROM documents
    UNION ALL
    SELECT r.document_id, p.document_id, 'recommendations.document_id'
    FROM recommendations r JOIN paragraphs p ON p.paragraph_id = r.paragraph_id
    UNION ALL
    SELECT r.recalls_document_id, p.document_id, 'recommendations.recalls_document_id'
    FROM recommendations r JOIN paragraphs p ON p.paragraph_id = r.paragraph_id
    UNION ALL
    SELECT d.document_id, p.document_id, 'paragraphs.text'
    FROM documents d JOIN paragraphs p
      ON contains(p.text, d.symbol) OR contains(p.text, d.title)
         OR (regexp_matches(d.title, '[0-9]+/[0-9]+')
             AND regexp_matches(p.text, '(^|[^0-9/])' || regexp_extract(d.title, '[0-9]+/[0-9]+') || '([^0-9/]|$)'))
    WHERE d.has_text IS NOT TRUE
)
SELECT d.__row AS row, 'document_id' AS field, d.document_id AS value,
       'no document with text cites it: no row refers to it (mandate_document_id, recommendations.document_id, '
           || 'recalls_document_id) and no paragraph prints its symbol, title or title''s number' AS message
FROM documents d
WHERE d.has_text IS NOT TRUE
  AND NOT EXISTS (SELECT 1 FROM refs JOIN documents c ON c.document_id = refs.citing
                  WHERE refs.cited = d.document_id AND c.has_text AND c.document_id <> d.document_id)
