-- rule: paragraph-section
-- table: paragraphs
-- reads: paragraphs
-- checks: section is the texts of the headings above the paragraph (following parent_id; only kind heading
--   counts), outermost first, joined by " > "; empty for a paragraph with no heading above it.
-- How: each paragraph's nearest heading above it is its parent, or is found by climbing parent_id through the
-- paragraphs that are not headings (ids only); the headings' own sections are then built by climbing from heading to heading, so
-- the lists of heading texts are made for the headings alone, not for every paragraph at every step (which at
-- 1,000,000 paragraphs ran out of DuckDB's memory). A walk that ends at a missing parent or goes round a cycle
-- gives no section: the foreign key and paragraph-parent-cycle rules report those.
WITH RECURSIVE up1 AS (
    -- each paragraph with what the check needs of it (the text of headings only), and its parent's kind and
    -- parent (the one join of the whole table with itself: most parents are headings or absent)
    SELECT c.__row, c.paragraph_id, c.kind, CASE WHEN c.kind = 'heading' THEN c.text END AS heading_text,
           c.section, c.parent_id,
           p.paragraph_id IS NOT NULL AS parent_found, p.kind AS parent_kind, p.parent_id AS grandparent_id
    FROM paragraphs c LEFT JOIN paragraphs p ON p.paragraph_id = c.parent_id
), climb(paragraph_id, cur, depth) AS (
    -- only the paragraphs under a paragraph that is not a heading (list items and the like) climb further
    SELECT paragraph_id, grandparent_id, 1 FROM up1
    WHERE parent_found AND parent_kind IS DISTINCT FROM 'heading'
    UNION ALL
    SELECT c.paragraph_id, p.parent_id, c.depth + 1
    FROM climb c JOIN paragraphs p ON p.paragraph_id = c.cur
    WHERE p.kind IS DISTINCT FROM 'heading' AND c.depth < 100
), climbed AS (
    -- the climb's last step: no parent left (heading_id NULL), or a heading
    SELECT c.paragraph_id, h.paragraph_id AS heading_id
    FROM climb c LEFT JOIN paragraphs h ON h.paragraph_id = c.cur
    WHERE c.cur IS NULL OR h.kind = 'heading'
), nearest AS MATERIALIZED (
    -- each paragraph's nearest heading above it (NULL: none); a walk that ends at a missing parent has no row
    SELECT u.__row, u.paragraph_id, u.kind, u.heading_text, u.section,
           CASE WHEN u.parent_found AND u.parent_kind = 'heading' THEN u.parent_id ELSE c.heading_id END
               AS heading_id
    FROM up1 u LEFT JOIN climbed c ON c.paragraph_id = u.paragraph_id
    WHERE u.parent_id IS NULL OR (u.parent_found AND u.parent_kind = 'heading') OR c.paragraph_id IS NOT NULL
), headings AS MATERIALIZED (
    SELECT paragraph_id, heading_id, heading_text FROM nearest WHERE kind = 'heading'
), heading_up(heading_id, cur, path, depth) AS (
    -- from each heading up through the headings above it, gathering their texts, outermost first
    SELECT paragraph_id, heading_id, []::VARCHAR[], 0 FROM headings
    UNION ALL
    SELECT u.heading_id, n.heading_id, list_prepend(n.heading_text, u.path), u.depth + 1
    FROM heading_up u JOIN headings n ON n.paragraph_id = u.cur
    WHERE u.depth < 100
), heading_section AS (
    -- the section a paragraph right under each heading should have
    SELECT u.heading_id, array_to_string(list_append(u.path, h.heading_text), ' > ') AS section
    FROM heading_up u JOIN headings h ON h.paragraph_id = u.heading_id
    WHERE u.cur IS NULL
), derived AS (
    SELECT n.__row, n.section, CASE WHEN n.heading_id IS NULL THEN '' ELSE s.section END AS expected
    FROM nearest n LEFT JOIN heading_section s ON s.heading_id = n.heading_id
    WHERE n.heading_id IS NULL OR s.heading_id IS NOT NULL
)
SELECT __row AS row, 'section' AS field, section AS value,
       CASE WHEN expected = '' THEN 'no heading is above this paragraph: section should be empty'
            ELSE 'the headings above this paragraph give: ' || expected END AS message
FROM derived
WHERE coalesce(section, '') <> expected
