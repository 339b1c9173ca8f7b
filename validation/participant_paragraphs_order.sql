-- rule: participant-paragraphs-order
-- table: participants
-- reads: participants, paragraphs
-- checks: participants.paragraph_ids lists its paragraphs in reading order (increasing seq), each once.
WITH ids AS (
    SELECT __row, pid, i
    FROM (SELECT __row, string_split(paragraph_ids, ';') AS l FROM participants WHERE paragraph_ids IS NOT NULL),
         LATERAL (SELECT unnest(l) AS pid, unnest(range(1, len(l) + 1)) AS i)
), seqs AS (
    SELECT ids.__row, ids.pid, ids.i, p.seq, lag(p.seq) OVER w AS previous, lag(ids.pid) OVER w AS previous_id
    FROM ids JOIN paragraphs p ON p.paragraph_id = ids.pid
    WINDOW w AS (PARTITION BY ids.__row ORDER BY ids.i)
)
SELECT __row AS row, 'paragraph_ids' AS field, pid AS value,
       CASE WHEN seq = previous THEN 'the paragraph is listed twice'
            ELSE 'listed after ' || previous_id || ', which comes later in reading order' END AS message
FROM seqs
WHERE seq <= previous
