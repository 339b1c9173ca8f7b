-- rule: citation-pinpoint-in-spans
-- table: citations
-- reads: citations
-- checks: pinpoint and pinpoint_spans are set together, and each pinpoint span lies inside one of the
--   citation's spans.
WITH pin AS (
    SELECT __row, citation_id, s,
           TRY_CAST(split_part(s, '-', 1) AS BIGINT) AS st, TRY_CAST(split_part(s, '-', 2) AS BIGINT) AS en
    FROM (SELECT __row, citation_id, unnest(string_split(pinpoint_spans, ';')) AS s FROM citations
          WHERE pinpoint_spans IS NOT NULL)
), cit AS (
    SELECT citation_id,
           TRY_CAST(split_part(s, '-', 1) AS BIGINT) AS st, TRY_CAST(split_part(s, '-', 2) AS BIGINT) AS en
    FROM (SELECT citation_id, unnest(string_split(spans, ';')) AS s FROM citations WHERE spans IS NOT NULL)
)
SELECT __row AS row, 'pinpoint_spans' AS field, coalesce(pinpoint_spans, '') AS value,
       'pinpoint and pinpoint_spans must be set together' AS message
FROM citations WHERE (pinpoint IS NULL) <> (pinpoint_spans IS NULL)
UNION ALL
SELECT p.__row, 'pinpoint_spans', p.s, 'pinpoint span lies outside the spans of citation ' || p.citation_id
FROM pin p
WHERE p.st IS NOT NULL AND p.en IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM cit c WHERE c.citation_id = p.citation_id AND c.st <= p.st AND p.en <= c.en)
