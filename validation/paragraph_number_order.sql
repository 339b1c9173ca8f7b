-- rule: paragraph-number-order
-- table: paragraphs
-- reads: paragraphs
-- checks: Printed numbers of kinds paragraph and footnote increase in reading order: within a document and
--   kind, a unit with a higher seq has a higher number.
WITH numbered AS (
    SELECT __row, document_id, kind, number, seq,
           lag(number) OVER w AS previous, lag(paragraph_id) OVER w AS previous_id
    FROM paragraphs
    WHERE kind IN ('paragraph', 'footnote') AND number IS NOT NULL AND seq IS NOT NULL
    WINDOW w AS (PARTITION BY document_id, kind ORDER BY seq, __row)
)
SELECT __row AS row, 'number' AS field, CAST(number AS VARCHAR) AS value,
       kind || ' number ' || number || ' comes after ' || previous_id || ' (number ' || previous
           || ') in reading order' AS message
FROM numbered
WHERE number <= previous
