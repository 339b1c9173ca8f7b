-- rule: grade-summary-line
-- table: paragraphs
-- reads: paragraphs, documents, grades, recommendations
-- checks: The grade summary line printed in a follow-up evaluation (a table_row paragraph such as
--   "委员会的评价: 16 [C] [B]、36 [C] [C]") is reproduced by the grades table: for each printed paragraph
--   number, its letters equal the letters of the document's assessment blocks (grades grouped by
--   assessment_paragraph_id, in the headings' reading order) for recommendations labelled with that number.
WITH summary AS (
    SELECT p.__row, p.document_id, p.text
    FROM paragraphs p JOIN documents d ON d.document_id = p.document_id
    WHERE d.document_type = 'follow_up_evaluation' AND p.kind = 'table_row'
      AND regexp_matches(p.text, '[0-9]+\s*\[[A-Z][0-9]?\]')
), groups AS (
    SELECT __row, document_id,
           unnest(regexp_extract_all(text, '([0-9]+)((?:\s*\[[A-Z][0-9]?\])+)', 1)) AS number,
           unnest(regexp_extract_all(text, '([0-9]+)((?:\s*\[[A-Z][0-9]?\])+)', 2)) AS letters_text
    FROM summary
), printed AS (
    SELECT __row, document_id, number, regexp_extract_all(letters_text, '\[([A-Z][0-9]?)\]', 1) AS letters
    FROM groups
), blocks AS (
    SELECT g.document_id, g.assessment_paragraph_id, min(h.seq) AS seq, min(g.grade) AS grade,
           min(regexp_extract(r.label, '^[0-9]+')) AS number
    FROM grades g
    JOIN recommendations r ON r.recommendation_id = g.recommendation_id
    JOIN paragraphs h ON h.paragraph_id = g.assessment_paragraph_id
    WHERE r.label IS NOT NULL
    GROUP BY g.document_id, g.assessment_paragraph_id
), computed AS (
    SELECT document_id, number, list(grade ORDER BY seq) AS letters
    FROM blocks WHERE document_id IN (SELECT document_id FROM summary)
    GROUP BY document_id, number
)
SELECT coalesce(pr.__row, (SELECT min(s.__row) FROM summary s WHERE s.document_id = c.document_id)) AS row,
       'text' AS field,
       coalesce(pr.number, c.number) || ' ' || coalesce(array_to_string(list_transform(pr.letters, lambda x: '[' || x || ']'), ' '), '(not printed)') AS value,
       'the grades table gives ' || coalesce(pr.number, c.number) || ' '
           || coalesce(array_to_string(list_transform(c.letters, lambda x: '[' || x || ']'), ' '), '(no grades)')
           || ' in ' || coalesce(pr.document_id, c.document_id) AS message
FROM printed pr
FULL OUTER JOIN computed c ON c.document_id = pr.document_id AND c.number = pr.number
WHERE pr.letters IS DISTINCT FROM c.letters
