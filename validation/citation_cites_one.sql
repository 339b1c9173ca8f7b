-- rule: citation-cites-one
-- table: citations
-- reads: citations
-- checks: Exactly one of cited_document_id and cited_sdg_target is set: a citation cites a document or an
--   SDG goal or target.
SELECT __row AS row, 'cited_document_id' AS field, coalesce(cited_document_id, '') AS value,
       CASE WHEN cited_document_id IS NULL THEN 'neither cited_document_id nor cited_sdg_target is set'
            ELSE 'both cited_document_id and cited_sdg_target are set' END AS message
FROM citations
WHERE (cited_document_id IS NULL) = (cited_sdg_target IS NULL)
