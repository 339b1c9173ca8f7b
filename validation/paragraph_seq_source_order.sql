-- rule: paragraph-seq-source-order
-- table: paragraphs
-- reads: paragraphs
-- checks: Reading order follows the source: within a document, each paragraph (in seq order) starts at or
--   after the start of the one before it (the first offset of spans).
WITH starts AS (
    SELECT __row, document_id, seq, paragraph_id,
           span_start(spans) AS start
    FROM paragraphs
    WHERE seq IS NOT NULL AND spans IS NOT NULL
), ordered AS (
    SELECT *, lag(start) OVER w AS previous_start, lag(paragraph_id) OVER w AS previous_id
    FROM starts
    WINDOW w AS (PARTITION BY document_id ORDER BY seq, __row)
)
SELECT __row AS row, 'seq' AS field, CAST(seq AS VARCHAR) AS value,
       'starts at source offset ' || start || ', before ' || previous_id || ' (offset ' || previous_start
           || ') which comes earlier in seq: seq is out of source order' AS message
FROM ordered
WHERE start < previous_start
