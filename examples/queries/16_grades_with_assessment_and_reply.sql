-- Each evaluated sub-paragraph of CMW/C/AZE/CO/3: its grade, the assessment text (one row per paragraph of it)
-- and the paragraphs of the State party's reply the evaluation points at for that recommendation.
SELECT r.label, g.grade, g.implementation_status, gp.seq AS part, a.text AS assessment_text,
       reply.symbol AS reply, c.pinpoint AS reply_paragraphs
FROM grades AS g
JOIN recommendations AS r ON r.recommendation_id = g.recommendation_id
JOIN grade_paragraphs AS gp ON gp.grade_id = g.grade_id
JOIN paragraphs AS a ON a.paragraph_id = gp.paragraph_id
JOIN citations AS c ON c.recommendation_id = r.parent_id AND c.how = 'reply'
JOIN documents AS reply ON reply.document_id = c.cited_document_id
ORDER BY g.grade_id, gp.seq;
