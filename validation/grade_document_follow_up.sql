-- rule: grade-document-follow-up
-- table: grades
-- reads: grades, documents, recommendations, paragraphs
-- checks: A grade's document_id is a follow_up_evaluation document, and the graded recommendation's
--   paragraph is printed in that document.
SELECT g.__row AS row, 'document_id' AS field, g.document_id AS value,
       'the assessing document is of type ' || d.document_type || ', not follow_up_evaluation' AS message
FROM grades g JOIN documents d ON d.document_id = g.document_id
WHERE d.document_type IS DISTINCT FROM 'follow_up_evaluation'
UNION ALL
SELECT g.__row, 'recommendation_id', g.recommendation_id,
       'the recommendation''s paragraph ' || r.paragraph_id || ' belongs to ' || p.document_id
           || ', not to the assessing document ' || g.document_id
FROM grades g
JOIN recommendations r ON r.recommendation_id = g.recommendation_id
JOIN paragraphs p ON p.paragraph_id = r.paragraph_id
WHERE p.document_id <> g.document_id
