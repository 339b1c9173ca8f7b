-- rule: grade-status-in-text
-- table: grades
-- reads: grades, paragraphs
-- checks: grades.implementation_status, when set, occurs word for word in the text of one of its
--   text_paragraph_ids.
SELECT g.__row AS row, 'implementation_status' AS field, g.implementation_status AS value,
       'the status does not occur in the text of ' || g.text_paragraph_ids AS message
FROM grades g
WHERE g.implementation_status IS NOT NULL
  AND NOT EXISTS (
      SELECT 1
      FROM (SELECT unnest(string_split(g.text_paragraph_ids, ';')) AS pid) t
      JOIN paragraphs p ON p.paragraph_id = t.pid
      WHERE contains(p.text, g.implementation_status)
  )
