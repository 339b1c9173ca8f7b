-- Participants by kind and session (session is empty for documents that have no sessions).
SELECT document_id, kind, coalesce(session, '') AS session, count(*) AS participants
FROM participants
GROUP BY ALL
ORDER BY document_id, kind, session;
