-- rule: citation-pinpoint-in-spans
-- table: citations
-- reads: citations
-- checks: pinpoint and pinpoint_spans are set together, and each pinpoint span lies inside one of the
--   citation's spans.
SELECT __row AS row, 'pinpoint_spans' AS field, coalesce(pinpoint_spans, '') AS value,
       'pinpoint and pinpoint_spans must be set together' AS message
FROM citations WHERE (pinpoint IS NULL) <> (pinpoint_spans IS NULL)
UNION ALL
SELECT __row, 'pinpoint_spans', s, 'pinpoint span lies outside the spans of citation ' || k
FROM spans_outside('citations', 'pinpoint_spans', 'citation_id', 'citations', 'spans')
