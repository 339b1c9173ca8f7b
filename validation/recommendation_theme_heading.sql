-- rule: recommendation-theme-heading
-- table: recommendations
-- reads: recommendations, paragraphs
-- checks: theme, when set, is printed in a heading of the document the recommendation's paragraph belongs to,
--   and the recommendations printed in one document have a theme all or none.
WITH r AS (
    SELECT x.__row, x.recommendation_id, x.theme, p.document_id
    FROM recommendations x JOIN paragraphs p ON p.paragraph_id = x.paragraph_id
)
SELECT r.__row AS row, 'theme' AS field, r.theme AS value,
       'the theme is printed in no heading of ' || r.document_id AS message
FROM r
WHERE r.theme IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM paragraphs h WHERE h.document_id = r.document_id AND h.kind = 'heading'
                  AND contains(h.text, r.theme))
UNION ALL
SELECT r.__row, 'theme', '', 'theme is empty, but other recommendations printed in ' || r.document_id || ' have one'
FROM r
WHERE r.theme IS NULL AND EXISTS (SELECT 1 FROM r o WHERE o.document_id = r.document_id AND o.theme IS NOT NULL)
