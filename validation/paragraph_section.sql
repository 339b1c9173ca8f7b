-- rule: paragraph-section
-- table: paragraphs
-- reads: paragraphs
-- checks: section is the texts of the headings above the paragraph (following parent_id; only kind heading
--   counts), outermost first, joined by " > "; empty for a paragraph with no heading above it.
WITH RECURSIVE up(paragraph_id, cur, path, depth) AS (
    SELECT paragraph_id, parent_id, []::VARCHAR[], 0 FROM paragraphs
    UNION ALL
    SELECT u.paragraph_id, p.parent_id,
           CASE WHEN p.kind = 'heading' THEN list_prepend(p.text, u.path) ELSE u.path END, u.depth + 1
    FROM up u JOIN paragraphs p ON p.paragraph_id = u.cur
    WHERE u.depth < 100
), derived AS (
    SELECT paragraph_id, array_to_string(path, ' > ') AS section FROM up WHERE cur IS NULL
)
SELECT p.__row AS row, 'section' AS field, p.section AS value,
       CASE WHEN d.section = '' THEN 'no heading is above this paragraph: section should be empty'
            ELSE 'the headings above this paragraph give: ' || d.section END AS message
FROM paragraphs p JOIN derived d ON d.paragraph_id = p.paragraph_id
WHERE coalesce(p.section, '') <> d.section
