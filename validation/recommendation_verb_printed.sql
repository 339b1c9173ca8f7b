-- rule: recommendation-verb-printed
-- table: recommendations
-- reads: recommendations
-- checks: The scope rule's verb (recommendations.verb) is printed in the recommendation's text or in the text
--   of one of its ancestors (a sub-paragraph takes its chapeau's verb).
SELECT r.__row AS row, 'verb' AS field, r.verb AS value,
       'the verb is printed neither in the text nor in an ancestor''s text' AS message
FROM recommendations r
WHERE r.verb IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM recommendation_lineage() u
                  WHERE u.recommendation_id = r.recommendation_id AND contains(u.text, r.verb))
