-- rule: document-referenced
-- table: documents
-- reads: documents, paragraphs, recommendations, citations, relations
-- checks: Every document without text here (has_text false) is cited by a document with text: a row of
--   that document refers to it (citations.cited_document_id, relations.document_id or related_document_id,
--   recommendations.document_id), or one of its paragraphs prints the document's symbol, its title, or the
--   number in its title (35/17 in 人权理事会第 35/17 号决议, as a whole number). One no one cites is an
--   orphan (documents schema description).
WITH refs(cited, citing, via) AS (
    -- every column of the package that refers to a document, one line each (a new table adds a line here);
    -- the citing document is the one whose paragraph prints the reference
    SELECT r.document_id, p.document_id, 'recommendations.document_id'
    FROM recommendations r JOIN paragraphs p ON p.paragraph_id = r.paragraph_id
    UNION ALL
    SELECT c.cited_document_id, p.document_id, 'citations.cited_document_id'
    FROM citations c JOIN paragraphs p ON p.paragraph_id = c.paragraph_id
    UNION ALL
    SELECT r.document_id, p.document_id, 'relations.document_id'
    FROM relations r JOIN paragraphs p ON p.paragraph_id = r.paragraph_id
    UNION ALL
    SELECT r.related_document_id, p.document_id, 'relations.related_document_id'
    FROM relations r JOIN paragraphs p ON p.paragraph_id = r.paragraph_id
), with_text AS (
    SELECT document_id FROM documents WHERE has_text
), unreferenced AS (
    -- documents without text that no row of a document with text refers to: is their symbol or title printed?
    SELECT d.__row, d.document_id, d.symbol, d.title, regexp_extract(d.title, '[0-9]+/[0-9]+') AS number
    FROM documents d
    WHERE d.has_text IS NOT TRUE
      AND NOT EXISTS (SELECT 1 FROM refs JOIN with_text c ON c.document_id = refs.citing
                      WHERE refs.cited = d.document_id AND refs.citing <> d.document_id)
), printed AS (
    SELECT DISTINCT u.document_id
    FROM unreferenced u JOIN paragraphs p
      ON contains(p.text, u.symbol) OR contains(p.text, u.title)
         OR (u.number <> '' AND contains(p.text, u.number)
             AND regexp_matches(p.text, '(^|[^0-9/])' || u.number || '([^0-9/]|$)'))
    WHERE p.document_id <> u.document_id AND p.document_id IN (SELECT document_id FROM with_text)
)
SELECT u.__row AS row, 'document_id' AS field, u.document_id AS value,
       'no document with text cites it: no citations, relations or recommendations row of one refers to it '
           || 'and no paragraph prints its symbol, title or title''s number' AS message
FROM unreferenced u
WHERE u.document_id NOT IN (SELECT document_id FROM printed)
