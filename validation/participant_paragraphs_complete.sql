-- rule: participant-paragraphs-complete
-- table: participants
-- reads: participants, participant_paragraphs, paragraphs
-- checks: Every paragraph of the document that prints a person participant's name, or a State
--   participant's name as speaker for it (Chinese "<name>代表", English "representative of <name>"), has a
--   participant_paragraphs row of one of that entity's participants in the document.
WITH forms AS (
    -- the printed forms that name each entity, per document (one list per document, matched once per paragraph)
    SELECT document_id,
           list(DISTINCT struct_pack(entity_id := entity_id, name := name, form := form)) AS forms
    FROM (
        SELECT document_id, entity_id, name, name AS form FROM participants WHERE kind = 'person'
        UNION ALL
        SELECT document_id, entity_id, name, unnest([name || '代表', 'representative of ' || name,
                                                     'representatives of ' || name])
        FROM participants WHERE kind = 'state'
    )
    WHERE document_id IS NOT NULL AND entity_id IS NOT NULL AND name IS NOT NULL
    GROUP BY document_id
), named AS (
    SELECT p.document_id, p.paragraph_id, unnest(list_filter(f.forms, lambda x: contains(p.text, x.form))) AS hit
    FROM paragraphs p JOIN forms f ON f.document_id = p.document_id
), listed AS (
    SELECT DISTINCT pt.document_id, pt.entity_id, pp.paragraph_id
    FROM participant_paragraphs pp JOIN participants pt ON pt.participant_id = pp.participant_id
), missing AS (
    SELECT DISTINCT n.document_id, n.paragraph_id, n.hit.entity_id AS entity_id, n.hit.name AS name
    FROM named n
    WHERE NOT EXISTS (
        SELECT 1 FROM listed l
        WHERE l.document_id = n.document_id AND l.entity_id = n.hit.entity_id AND l.paragraph_id = n.paragraph_id
    )
)
SELECT pa.__row AS row, 'participant_id' AS field, pa.participant_id AS value,
       'the paragraph ' || m.paragraph_id || ' names ' || m.name || ' but no participant_paragraphs row of '
           || m.entity_id || ' lists it' AS message
FROM missing m
JOIN participants pa ON pa.document_id = m.document_id AND pa.entity_id = m.entity_id AND pa.name = m.name
