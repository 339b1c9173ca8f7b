-- rule: paragraph-parent-order
-- table: paragraphs
-- reads: paragraphs
-- checks: A paragraph's parent_id comes before it in reading order (lower seq) and belongs to the same
--   document.
SELECT c.__row AS row, 'parent_id' AS field, c.parent_id AS value,
       CASE WHEN p.document_id <> c.document_id
            THEN 'the parent belongs to ' || p.document_id || ', not to ' || c.document_id
            ELSE 'the parent (seq ' || p.seq || ') does not come before this paragraph (seq ' || c.seq || ')' END
           AS message
FROM paragraphs c JOIN paragraphs p ON p.paragraph_id = c.parent_id
WHERE p.document_id <> c.document_id OR p.seq >= c.seq
