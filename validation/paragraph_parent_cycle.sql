-- rule: paragraph-parent-cycle
-- table: paragraphs
-- reads: paragraphs
-- checks: Following parent_id from a paragraph never leads back to it (no cycle).
WITH RECURSIVE walk(start_id, start_row, cur, depth) AS (
    SELECT paragraph_id, __row, parent_id, 1 FROM paragraphs WHERE parent_id IS NOT NULL
    UNION ALL
    SELECT w.start_id, w.start_row, p.parent_id, w.depth + 1
    FROM walk w JOIN paragraphs p ON p.paragraph_id = w.cur
    WHERE p.parent_id IS NOT NULL AND w.cur <> w.start_id AND w.depth < 100
)
SELECT start_row AS row, 'parent_id' AS field, start_id AS value,
       'parent_id leads back to this paragraph after ' || min(depth) || ' step(s) (cycle)' AS message
FROM walk WHERE cur = start_id
GROUP BY start_row, start_id
