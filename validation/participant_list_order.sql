-- rule: participant-list-order
-- table: participants
-- reads: participants, participant_paragraphs
-- checks: The participants a paragraph lists in one role (same document, role and first paragraph, the
--   participant_paragraphs row with seq 1, such as a session's speakers) are rows in the order their names
--   are printed (name_spans), each entity once.
WITH listed AS (
    SELECT pt.__row, pt.participant_id, pt.entity_id, pt.name, pt.document_id, pt.role,
           pp.paragraph_id AS first_paragraph,
           span_start(pt.name_spans) AS start
    FROM participants pt JOIN participant_paragraphs pp ON pp.participant_id = pt.participant_id AND pp.seq = 1
    WHERE pt.name_spans IS NOT NULL AND pt.role IS NOT NULL
), ordered AS (
    SELECT *, lag(start) OVER w AS previous_start, lag(name) OVER w AS previous_name,
           count(*) OVER (PARTITION BY document_id, role, first_paragraph, entity_id) AS times,
           row_number() OVER (PARTITION BY document_id, role, first_paragraph, entity_id ORDER BY __row) AS nth
    FROM listed
    WINDOW w AS (PARTITION BY document_id, role, first_paragraph ORDER BY __row)
)
SELECT __row AS row, 'name_spans' AS field, name AS value,
       'printed before ' || previous_name || ', the row above it among the ' || role || ' rows of '
           || first_paragraph || ': rows are not in printed order' AS message
FROM ordered WHERE start < previous_start
UNION ALL
SELECT __row, 'entity_id', entity_id,
       entity_id || ' is listed ' || times || ' times as ' || role || ' in ' || first_paragraph
FROM ordered WHERE times > 1 AND nth > 1
