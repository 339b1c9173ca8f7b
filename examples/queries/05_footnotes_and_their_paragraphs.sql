-- Footnotes and the paragraphs carrying their markers, in reading order.
SELECT f.document_id, f.paragraph_id AS footnote_id, f.label AS marker, p.paragraph_id AS carried_by,
       f.text AS footnote
FROM paragraphs AS f
JOIN paragraphs AS p ON p.paragraph_id = f.footnote_of
WHERE f.kind = 'footnote'
ORDER BY f.document_id, f.seq;
