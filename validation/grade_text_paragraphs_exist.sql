-- rule: grade-text-paragraphs-exist
-- table: grade_paragraphs
-- reads: grade_paragraphs, grades, paragraphs
-- checks: Every grade_paragraphs row names a paragraph of the grade's assessing document, and seq runs 1..n
--   per grade in the paragraphs' reading order.
WITH l AS (
    SELECT gp.__row, gp.grade_id, gp.seq, gp.paragraph_id, g.document_id, p.document_id AS p_document, p.seq AS p_seq,
           row_number() OVER (PARTITION BY gp.grade_id ORDER BY gp.seq) AS n,
           row_number() OVER (PARTITION BY gp.grade_id ORDER BY p.seq) AS reading
    FROM grade_paragraphs gp JOIN grades g ON g.grade_id = gp.grade_id
    LEFT JOIN paragraphs p ON p.paragraph_id = gp.paragraph_id
)
SELECT __row AS row, 'paragraph_id' AS field, paragraph_id AS value,
       'the paragraph belongs to ' || p_document || ', not to ' || document_id AS message
FROM l WHERE p_document IS NOT NULL AND p_document <> document_id
UNION ALL
SELECT __row, 'seq', CAST(seq AS VARCHAR), 'seq of grade ' || grade_id || ' should be ' || n
FROM l WHERE seq IS NOT NULL AND seq <> n
UNION ALL
SELECT __row, 'seq', CAST(seq AS VARCHAR), 'the paragraphs of grade ' || grade_id || ' are not in reading order'
FROM l WHERE seq IS NOT NULL AND seq = n AND p_seq IS NOT NULL AND n <> reading
