-- rule: citation-spans-in-paragraph
-- table: citations
-- reads: citations, paragraphs
-- checks: Each span of a citation's text lies inside one span of its paragraph_id.
WITH x AS (
    SELECT __row, paragraph_id, s,
           TRY_CAST(split_part(s, '-', 1) AS BIGINT) AS st, TRY_CAST(split_part(s, '-', 2) AS BIGINT) AS en
    FROM (SELECT __row, paragraph_id, unnest(string_split(spans, ';')) AS s FROM citations WHERE spans IS NOT NULL)
), par AS (
    SELECT paragraph_id,
           TRY_CAST(split_part(s, '-', 1) AS BIGINT) AS st, TRY_CAST(split_part(s, '-', 2) AS BIGINT) AS en
    FROM (SELECT paragraph_id, unnest(string_split(spans, ';')) AS s FROM paragraphs
          WHERE spans IS NOT NULL AND paragraph_id IN (SELECT paragraph_id FROM x))
)
SELECT r.__row AS row, 'spans' AS field, r.s AS value,
       'span lies outside the spans of paragraph ' || r.paragraph_id AS message
FROM x r
WHERE r.st IS NOT NULL AND r.en IS NOT NULL
  AND EXISTS (SELECT 1 FROM par p WHERE p.paragraph_id = r.paragraph_id)
  AND NOT EXISTS (SELECT 1 FROM par p WHERE p.paragraph_id = r.paragraph_id AND p.st <= r.st AND r.en <= p.en)
