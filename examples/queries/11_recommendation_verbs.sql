-- Which verbs make recommendations (建议, 呼吁, 敦促, ...), per document.
SELECT document_id, verb, count(*) AS recommendations
FROM recommendations
GROUP BY ALL
ORDER BY document_id, recommendations DESC, verb;
