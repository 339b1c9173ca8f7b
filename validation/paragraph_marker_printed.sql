-- rule: paragraph-marker-printed
-- table: paragraphs
-- reads: paragraphs
-- checks: A unit's printed marker opens its text: a label (一, A, (a), [C], *, a table row's label) is the
--   start of the text, followed by a blank, punctuation or the end; a numbered paragraph's text starts with
--   its number and a full stop (1. or 1.); a numbered footnote's text starts with its number, in digits or
--   superscript digits, and a blank.
SELECT __row AS row, 'label' AS field, label AS value,
       'the text does not start with the label followed by a blank or punctuation: ' || left(text, 20) AS message
FROM paragraphs
WHERE label IS NOT NULL AND text IS NOT NULL
  AND NOT (starts_with(text, label)
           AND (length(text) = length(label)
                OR regexp_matches(substr(text, length(label) + 1, 1), '^[\s\p{P}]')))
UNION ALL
SELECT __row, 'number', CAST(number AS VARCHAR),
       'the text of paragraph number ' || number || ' does not start with "' || number || '.": ' || left(text, 20)
FROM paragraphs
WHERE kind = 'paragraph' AND number IS NOT NULL AND text IS NOT NULL
  AND NOT starts_with(text, CAST(number AS VARCHAR) || '.')
UNION ALL
SELECT __row, 'number', CAST(number AS VARCHAR),
       'the text of footnote ' || number || ' does not start with its number and a blank: ' || left(text, 20)
FROM paragraphs
WHERE kind = 'footnote' AND number IS NOT NULL AND text IS NOT NULL
  AND NOT (regexp_matches(text, '^' || number || '\s')
           OR regexp_matches(text, '^' || translate(CAST(number AS VARCHAR), '0123456789', '⁰¹²³⁴⁵⁶⁷⁸⁹') || '\s'))
