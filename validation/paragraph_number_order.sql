-- rule: paragraph-number-order
-- table: paragraphs
-- reads: paragraphs
-- checks: Numbered paragraphs are printed in number order: within a document, a paragraph with a higher seq
--   has a higher number. (Footnotes are not: a footnote's text may be printed where the page broke, before a
--   lower-numbered one.)
WITH numbered AS (
    SELECT __row, document_id, kind, number, seq,
           lag(number) OVER w AS previous, lag(paragraph_id) OVER w AS previous_id
    FROM paragraphs
    WHERE kind = 'paragraph' AND number IS NOT NULL AND seq IS NOT NULL
    WINDOW w AS (PARTITION BY document_id, kind ORDER BY seq, __row)
)
SELECT __row AS row, 'number' AS field, CAST(number AS VARCHAR) AS value,
       kind || ' number ' || number || ' comes after ' || previous_id || ' (number ' || previous
           || ') in reading order' AS message
FROM numbered
WHERE number <= previous
