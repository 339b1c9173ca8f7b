-- Sub-recommendations (16(a), 36(c)(一), ...) with the recommendation they belong to.
SELECT child.recommendation_id, child.label, parent.recommendation_id AS parent_id, parent.label AS parent_label,
       parent.text AS parent_text
FROM recommendations AS child
JOIN recommendations AS parent ON parent.recommendation_id = child.parent_id
ORDER BY child.recommendation_id;
