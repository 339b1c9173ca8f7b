-- rule: grade-heading
-- table: grades
-- reads: grades, paragraphs
-- checks: The assessment heading is a paragraph of kind heading of the assessing document, labelled with the
--   grade letter in brackets ([C]), whose text is that label, a colon (: or ：) and blanks, then the
--   assessment_label ("[C]: 第 16 段(a)项").
SELECT g.__row AS row, 'grade' AS field, g.grade AS value,
       'the heading ' || g.assessment_paragraph_id || ' does not print [' || g.grade || ']' AS message
FROM grades g JOIN paragraphs h ON h.paragraph_id = g.assessment_paragraph_id
WHERE NOT contains(h.text, '[' || g.grade || ']')
UNION ALL
SELECT g.__row, 'grade', g.grade,
       'the heading ' || g.assessment_paragraph_id || ' is labelled ' || coalesce(h.label, '(empty)')
           || ', not [' || g.grade || ']'
FROM grades g JOIN paragraphs h ON h.paragraph_id = g.assessment_paragraph_id
WHERE contains(h.text, '[' || g.grade || ']') AND h.label IS DISTINCT FROM '[' || g.grade || ']'
UNION ALL
SELECT g.__row, 'assessment_label', g.assessment_label,
       'the heading ' || g.assessment_paragraph_id || ' does not contain the assessment_label'
FROM grades g JOIN paragraphs h ON h.paragraph_id = g.assessment_paragraph_id
WHERE NOT contains(h.text, g.assessment_label)
UNION ALL
SELECT g.__row, 'assessment_label', g.assessment_label,
       'the heading ' || g.assessment_paragraph_id || ' is not "' || h.label || ': ' || g.assessment_label
           || '" but: ' || h.text
FROM grades g JOIN paragraphs h ON h.paragraph_id = g.assessment_paragraph_id
WHERE h.label IS NOT DISTINCT FROM '[' || g.grade || ']' AND contains(h.text, g.assessment_label)
  AND NOT (starts_with(h.text, h.label) AND ends_with(h.text, g.assessment_label)
           AND length(h.text) > length(h.label) + length(g.assessment_label)
           AND regexp_full_match(
               substr(h.text, length(h.label) + 1, length(h.text) - length(h.label) - length(g.assessment_label)),
               '[:：]\s*'))
UNION ALL
SELECT g.__row, 'assessment_paragraph_id', g.assessment_paragraph_id,
       'the assessment paragraph is of kind ' || h.kind || ', not heading'
FROM grades g JOIN paragraphs h ON h.paragraph_id = g.assessment_paragraph_id
WHERE h.kind <> 'heading'
UNION ALL
SELECT g.__row, 'assessment_paragraph_id', g.assessment_paragraph_id,
       'the heading belongs to ' || h.document_id || ', not to the assessing document ' || g.document_id
FROM grades g JOIN paragraphs h ON h.paragraph_id = g.assessment_paragraph_id
WHERE h.document_id <> g.document_id
