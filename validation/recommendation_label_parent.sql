-- rule: recommendation-label-parent
-- table: recommendations
-- reads: recommendations
-- checks: A recommendation's label extends its parent's label by one printed level: 16(a) under 16,
--   36(c)(一) under 36(c); a label with a sub-level ((a), (一)) has a parent.
SELECT c.__row AS row, 'label' AS field, c.label AS value,
       'label does not extend the label ' || coalesce(p.label, '(empty)') || ' of parent ' || p.recommendation_id
           AS message
FROM recommendations c
JOIN recommendations p ON p.recommendation_id = c.parent_id
WHERE c.label IS NOT NULL
  AND (p.label IS NULL
       OR NOT (starts_with(c.label, p.label)
               AND regexp_full_match(substr(c.label, length(p.label) + 1), '\([^()]+\)')))
UNION ALL
SELECT __row, 'parent_id', parent_id,
       'the label ' || label || ' is a sub-paragraph but parent_id is empty'
FROM recommendations
WHERE parent_id IS NULL AND contains(label, '(')
