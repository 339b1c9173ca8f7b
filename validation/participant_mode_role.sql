-- rule: participant-mode-role
-- table: participants
-- reads: participants
-- checks: mode fits role: a written_statement is written; an opening_speaker, moderator, panellist,
--   plenary_speaker or closing_speaker spoke (oral). The other roles (state_party, stakeholder) take
--   either mode.
SELECT __row AS row, 'mode' AS field, mode AS value,
       'role ' || role || ' needs mode ' || CASE WHEN role = 'written_statement' THEN 'written' ELSE 'oral' END
           AS message
FROM participants
WHERE (role = 'written_statement' AND mode <> 'written')
   OR (role IN ('opening_speaker', 'moderator', 'panellist', 'plenary_speaker', 'closing_speaker') AND mode <> 'oral')
