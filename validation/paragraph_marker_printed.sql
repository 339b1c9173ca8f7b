-- rule: paragraph-marker-printed
-- table: paragraphs
-- reads: paragraphs
-- checks: A unit's printed marker opens its text: a label (一, A, (a), [C], *, a table row's label) is the
--   start of the text, followed by a blank, punctuation or the end; where a document's text prints the
--   numbers of its numbered paragraphs (any of them starts with its number and a full stop: 1. or 1.), every
--   numbered paragraph's text starts so; likewise a numbered footnote's text with its number (digits or
--   superscript digits) and a blank. (A paragraphs-JSON source takes its numbers from its structure, and its
--   texts print none.)
WITH numbered AS (
    SELECT __row, document_id, kind, number, text,
           CASE WHEN kind = 'paragraph' THEN starts_with(text, CAST(number AS VARCHAR) || '.')
                ELSE regexp_matches(text, '^' || number || '\s')
                     OR regexp_matches(text, '^' || translate(CAST(number AS VARCHAR), '0123456789', '⁰¹²³⁴⁵⁶⁷⁸⁹')
                                       || '\s') END AS printed
    FROM paragraphs
    WHERE kind IN ('paragraph', 'footnote') AND number IS NOT NULL AND text IS NOT NULL
), printing AS (
    SELECT document_id, kind FROM numbered GROUP BY document_id, kind HAVING bool_or(printed)
)
SELECT __row AS row, 'label' AS field, label AS value,
       'the text does not start with the label followed by a blank or punctuation: ' || left(text, 20) AS message
FROM paragraphs
WHERE label IS NOT NULL AND text IS NOT NULL
  AND NOT (starts_with(text, label)
           AND (length(text) = length(label)
                OR regexp_matches(substr(text, length(label) + 1, 1), '^[\s\p{P}]')))
UNION ALL
SELECT n.__row, 'number', CAST(n.number AS VARCHAR),
       CASE WHEN n.kind = 'paragraph'
            THEN 'the text of paragraph number ' || n.number || ' does not start with "' || n.number || '."'
            ELSE 'the text of footnote ' || n.number || ' does not start with its number and a blank' END
           || ', as other ' || n.kind || 's of ' || n.document_id || ' do: ' || left(n.text, 20)
FROM numbered n JOIN printing USING (document_id, kind)
WHERE NOT n.printed
