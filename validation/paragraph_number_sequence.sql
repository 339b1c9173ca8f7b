-- rule: paragraph-number-sequence
-- table: paragraphs
-- reads: paragraphs
-- checks: Printed numbers of kinds paragraph and footnote run 1, 2, 3, ... without gaps or repeats per
--   document and kind.
WITH numbered AS (
    SELECT __row, document_id, kind, number,
           lag(number) OVER (PARTITION BY document_id, kind ORDER BY number, seq, __row) AS previous
    FROM paragraphs
    WHERE kind IN ('paragraph', 'footnote') AND number IS NOT NULL
)
SELECT __row AS row, 'number' AS field, CAST(number AS VARCHAR) AS value,
       CASE
           WHEN previous IS NULL THEN 'the first ' || kind || ' number of ' || document_id || ' should be 1'
           WHEN number = previous THEN kind || ' number repeats in ' || document_id
           ELSE kind || ' number follows ' || previous || ' in ' || document_id || ': numbers '
                || (previous + 1) || '..' || (number - 1) || ' are missing'
       END AS message
FROM numbered
WHERE number <> coalesce(previous, 0) + 1
