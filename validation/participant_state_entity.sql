-- rule: participant-state-entity
-- table: participants
-- reads: participants
-- checks: A participant is of kind state exactly when its entity_id starts with "state-", and a State's
--   entity_id is "state-" followed by its country_iso3 in lower case (state-aze for AZE).
SELECT __row AS row, 'entity_id' AS field, entity_id AS value,
       CASE WHEN kind = 'state' AND NOT starts_with(entity_id, 'state-')
                THEN 'a participant of kind state needs an entity_id starting with state-'
            WHEN kind <> 'state' AND starts_with(entity_id, 'state-')
                THEN 'entity_id starts with state- but kind is ' || kind
            ELSE 'a State''s entity_id is state-' || lower(country_iso3) || ' (from country_iso3 '
                 || country_iso3 || ')' END AS message
FROM participants
WHERE entity_id IS NOT NULL AND kind IS NOT NULL
  AND ((kind = 'state') <> starts_with(entity_id, 'state-')
       OR (kind = 'state' AND country_iso3 IS NOT NULL AND entity_id <> 'state-' || lower(country_iso3)))
