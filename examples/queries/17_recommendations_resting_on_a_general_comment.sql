-- Recommendations made on the basis of a general comment (citations how = 'basis'), with their sub-paragraphs
-- and items, which rest on the chapeau's basis.
SELECT gc.symbol AS general_comment, c.text AS basis, s.label, s.recommendation_id, s.text
FROM citations AS c
JOIN documents AS gc ON gc.document_id = c.cited_document_id
JOIN recommendations AS top ON top.recommendation_id = c.recommendation_id
JOIN recommendations AS s
  ON s.recommendation_id = top.recommendation_id
  OR s.parent_id = top.recommendation_id
  OR s.parent_id IN (SELECT k.recommendation_id FROM recommendations AS k WHERE k.parent_id = top.recommendation_id)
WHERE c.how = 'basis' AND gc.document_type = 'general_comment'
ORDER BY s.recommendation_id;
