-- rule: paragraph-footnote-of
-- table: paragraphs
-- reads: paragraphs
-- checks: footnote_of is set exactly for paragraphs of kind footnote, and points at a unit of the same
--   document.
SELECT f.__row AS row, 'footnote_of' AS field, f.footnote_of AS value,
       CASE
           WHEN f.kind = 'footnote' AND f.footnote_of IS NULL THEN 'a footnote must name the unit carrying its marker'
           WHEN f.kind <> 'footnote' AND f.footnote_of IS NOT NULL THEN 'footnote_of is set on a unit of kind ' || f.kind
           ELSE 'footnote_of points at a unit of another document (' || m.document_id || ')'
       END AS message
FROM paragraphs f
LEFT JOIN paragraphs m ON m.paragraph_id = f.footnote_of
WHERE (f.kind = 'footnote') <> (f.footnote_of IS NOT NULL)
   OR (m.document_id IS NOT NULL AND m.document_id <> f.document_id)
