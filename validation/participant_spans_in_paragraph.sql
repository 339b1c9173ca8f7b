-- rule: participant-spans-in-paragraph
-- table: participants
-- reads: participants, participant_paragraphs, paragraphs
-- checks: Each span of a participant's name_spans lies inside a span of its first paragraph (participant_paragraphs
--   seq 1).
WITH part AS (
    SELECT x.__row, pp.paragraph_id, x.s,
           TRY_CAST(split_part(x.s, '-', 1) AS BIGINT) AS st, TRY_CAST(split_part(x.s, '-', 2) AS BIGINT) AS en
    FROM (SELECT __row, participant_id, unnest(string_split(name_spans, ';')) AS s FROM participants
          WHERE name_spans IS NOT NULL) x
    JOIN participant_paragraphs pp ON pp.participant_id = x.participant_id AND pp.seq = 1
), par AS (
    SELECT paragraph_id,
           TRY_CAST(split_part(s, '-', 1) AS BIGINT) AS st, TRY_CAST(split_part(s, '-', 2) AS BIGINT) AS en
    FROM (SELECT paragraph_id, unnest(string_split(spans, ';')) AS s FROM paragraphs
          WHERE spans IS NOT NULL AND paragraph_id IN (SELECT paragraph_id FROM part))
)
SELECT r.__row AS row, 'name_spans' AS field, r.s AS value,
       'span lies outside the spans of paragraph ' || r.paragraph_id AS message
FROM part r
WHERE r.st IS NOT NULL AND r.en IS NOT NULL
  AND EXISTS (SELECT 1 FROM par p WHERE p.paragraph_id = r.paragraph_id)
  AND NOT EXISTS (SELECT 1 FROM par p WHERE p.paragraph_id = r.paragraph_id AND p.st <= r.st AND r.en <= p.en)
