-- rule: recommendation-addressee-kind
-- table: recommendations
-- reads: recommendations
-- checks: addressed_to and addressed_to_kind are both set or both empty.
SELECT __row AS row, 'addressed_to_kind' AS field, addressed_to_kind AS value,
       CASE WHEN addressed_to IS NULL THEN 'addressed_to_kind is set but addressed_to is empty'
            ELSE 'addressed_to is set but addressed_to_kind is empty' END AS message
FROM recommendations
WHERE (addressed_to IS NULL) <> (addressed_to_kind IS NULL)
