-- rule: recommendation-made-by-printed
-- table: recommendations
-- reads: recommendations, paragraphs
-- checks: Exactly one of made_by and made_by_attributed is set; made_by is printed in the text of the
--   recommendation's paragraph or of an ancestor recommendation's paragraph; made_by_attributed has a note.
SELECT r.__row AS row, 'made_by' AS field, coalesce(r.made_by, '') AS value,
       CASE WHEN r.made_by IS NULL THEN 'neither made_by nor made_by_attributed is set'
            ELSE 'made_by and made_by_attributed are both set: an attribution is only for a subject not printed' END AS message
FROM recommendations r
WHERE (r.made_by IS NULL) = (r.made_by_attributed IS NULL)
UNION ALL
SELECT r.__row, 'made_by', r.made_by, 'made_by is not printed in the paragraph or an ancestor''s paragraph'
FROM recommendations r
WHERE r.made_by IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM recommendation_lineage() u JOIN paragraphs p ON p.paragraph_id = u.paragraph_id
                  WHERE u.recommendation_id = r.recommendation_id AND contains(p.text, r.made_by))
UNION ALL
SELECT r.__row, 'notes', coalesce(r.notes, ''), 'a made_by_attributed needs a note saying why'
FROM recommendations r
WHERE r.made_by_attributed IS NOT NULL AND r.notes IS NULL
