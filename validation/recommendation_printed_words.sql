-- rule: recommendation-printed-words
-- table: recommendations
-- reads: recommendations, paragraphs
-- checks: addressed_to, when set, is printed in the recommendation's text or in the text of one of its
--   ancestors (parent_id, followed up: a sub-paragraph shares its chapeau's 缔约国); where made_by is printed
--   in the paragraph of the recommendation or of an ancestor, it is printed there before that recommendation's
--   text ends (that it is printed at all, and the verb, are recommendation-made-by-printed and
--   recommendation-verb-printed).
WITH printed AS (
    SELECT u.recommendation_id, u.text AS rec_text, p.text AS par_text
    FROM recommendation_lineage() u LEFT JOIN paragraphs p ON p.paragraph_id = u.paragraph_id
)
SELECT r.__row AS row, 'addressed_to' AS field, r.addressed_to AS value,
       'the addressee is printed neither in the text nor in a parent''s text' AS message
FROM recommendations r
WHERE r.addressed_to IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM printed x WHERE x.recommendation_id = r.recommendation_id
                  AND contains(x.rec_text, r.addressed_to))
UNION ALL
SELECT r.__row, 'made_by', r.made_by,
       'made_by is printed in paragraph ' || r.paragraph_id || ' or a parent''s only after the recommendation''s text'
FROM recommendations r
WHERE r.made_by IS NOT NULL
  AND EXISTS (SELECT 1 FROM printed x WHERE x.recommendation_id = r.recommendation_id
              AND contains(x.par_text, r.made_by))
  AND NOT EXISTS (
      SELECT 1 FROM printed x
      WHERE x.recommendation_id = r.recommendation_id
        AND instr(x.par_text, r.made_by) > 0
        AND (instr(x.par_text, x.rec_text) = 0
             OR instr(x.par_text, r.made_by) < instr(x.par_text, x.rec_text) + length(x.rec_text))
  )
