-- Paragraphs mentioning 正规化 (regularisation of migrants' status), with their section.
SELECT document_id, paragraph_id, section, text
FROM paragraphs
WHERE text LIKE '%正规化%'
ORDER BY document_id, seq;
