-- Paragraphs about persons deprived of their liberty, in every document, with who said so (annotator): the corpus
-- publisher's labels of the general comments, hrdocs curators' labels of the Chinese sources.
SELECT p.document_id, d.symbol, p.paragraph_id, p.number, a.annotator
FROM annotations a
JOIN paragraphs p USING (paragraph_id)
JOIN documents d USING (document_id)
WHERE a.vocabulary = 'affected_persons' AND a.label = 'Persons deprived of their liberty'
ORDER BY p.document_id, p.seq;
