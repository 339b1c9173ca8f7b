-- rule: paragraph-seq-sequence
-- table: paragraphs
-- reads: paragraphs
-- checks: seq (reading order) runs 1, 2, 3, ... without gaps or repeats per document.
WITH ordered AS (
    SELECT __row, document_id, seq,
           lag(seq) OVER (PARTITION BY document_id ORDER BY seq, __row) AS previous
    FROM paragraphs
    WHERE seq IS NOT NULL
)
SELECT __row AS row, 'seq' AS field, CAST(seq AS VARCHAR) AS value,
       CASE
           WHEN previous IS NULL THEN 'the first seq of ' || document_id || ' should be 1'
           WHEN seq = previous THEN 'seq repeats in ' || document_id
           ELSE 'seq follows ' || previous || ' in ' || document_id || ': '
                || (previous + 1) || '..' || (seq - 1) || ' are missing'
       END AS message
FROM ordered
WHERE seq <> coalesce(previous, 0) + 1
