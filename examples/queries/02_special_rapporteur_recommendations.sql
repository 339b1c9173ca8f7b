-- Recommendations made by a Special Rapporteur (a participant of kind special_procedure), with to whom.
SELECT pt.name AS made_by, pt.title, r.recommendation_id, r.addressed_to, r.text
FROM recommendations AS r
JOIN participants AS pt ON pt.participant_id = r.made_by_participant_id
WHERE pt.kind = 'special_procedure'
ORDER BY r.recommendation_id;
