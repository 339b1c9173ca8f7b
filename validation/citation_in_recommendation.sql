-- rule: citation-in-recommendation
-- table: citations
-- reads: citations, recommendations
-- checks: A citation whose spans lie inside a recommendation's spans in the same paragraph names that
--   recommendation (or one containing it) in recommendation_id.
WITH c AS (
    SELECT __row, citation_id, paragraph_id, recommendation_id, st, en FROM span_rows('citations', 'spans')
), r AS (
    SELECT recommendation_id, paragraph_id, st, en FROM span_rows('recommendations', 'spans')
), holders AS (
    SELECT c.__row, c.citation_id, c.recommendation_id AS named, r.recommendation_id AS holder
    FROM c JOIN r ON r.paragraph_id = c.paragraph_id AND r.st <= c.st AND c.en <= r.en
)
SELECT h.__row AS row, 'recommendation_id' AS field, coalesce(h.named, '') AS value,
       'the citation is printed inside recommendation ' || min(h.holder) || ', which recommendation_id does not name'
           AS message
FROM holders h
GROUP BY h.__row, h.citation_id, h.named
HAVING NOT bool_or(h.named IS NOT NULL AND h.named = h.holder)
