-- rule: grade-heading
-- table: grades
-- reads: grades, paragraphs
-- checks: The assessment heading paragraph's text contains the grade letter in brackets ([C]) and the
--   assessment_label, and belongs to the assessing document.
SELECT g.__row AS row, 'grade' AS field, g.grade AS value,
       'the heading ' || g.assessment_paragraph_id || ' does not print [' || g.grade || ']' AS message
FROM grades g JOIN paragraphs h ON h.paragraph_id = g.assessment_paragraph_id
WHERE NOT contains(h.text, '[' || g.grade || ']')
UNION ALL
SELECT g.__row, 'assessment_label', g.assessment_label,
       'the heading ' || g.assessment_paragraph_id || ' does not contain the assessment_label'
FROM grades g JOIN paragraphs h ON h.paragraph_id = g.assessment_paragraph_id
WHERE NOT contains(h.text, g.assessment_label)
UNION ALL
SELECT g.__row, 'assessment_paragraph_id', g.assessment_paragraph_id,
       'the heading belongs to ' || h.document_id || ', not to the assessing document ' || g.document_id
FROM grades g JOIN paragraphs h ON h.paragraph_id = g.assessment_paragraph_id
WHERE h.document_id <> g.document_id
