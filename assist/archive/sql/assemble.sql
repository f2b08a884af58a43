-- One row per lead from lead_head (code, key, display, n, excess, ambiguous, facts …),
-- lead_docs (code, key, doc_id) and lead_evidence (code, key, doc_id, start, end, text).
WITH docs AS (
    SELECT x.code, x.key,
           list({'doc_id': d.doc_id, 'case_number': d.case_number, 'court': d.court,
                 'decided': d.decided}
                ORDER BY d.decided NULLS LAST, d.doc_id) AS documents
    FROM (SELECT DISTINCT code, key, doc_id FROM lead_docs) x
    JOIN documents d USING (doc_id)
    GROUP BY x.code, x.key
),
evidence AS (
    SELECT code, key,
           list({'doc_id': doc_id, 'start': start, 'end': "end", 'text': text}
                ORDER BY doc_id, start, "end") AS evidence
    FROM (SELECT DISTINCT code, key, doc_id, start, "end", text FROM lead_evidence)
    GROUP BY code, key
)
SELECT h.*, docs.documents, coalesce(evidence.evidence, []) AS evidence
FROM lead_head h
JOIN docs USING (code, key)
LEFT JOIN evidence USING (code, key)
ORDER BY h.code, h.key;
