-- Name resolution report: names the cross-case rules did not merge, or merged with a doubt.
--   masked: 张某 / *** / 某某公司 — never merged, never counted towards a lead;
--   same_name_different_provinces: one person key seen in courts of several provinces — kept as
--   one key (leads on it are flagged ambiguous).
-- Only names the rules look at: loan-suit parties and agents, agencies of administrative cases.
-- A row lists at most $max_documents documents (the first by doc_id); n_documents counts all.
-- Parameters: $max_documents.
CREATE OR REPLACE TEMP TABLE resolution AS
WITH used AS (
    SELECT doc_id, name, norm_name, masked, kind_class = 'person' AS person, province, 'party' AS what
    FROM loan_parties
    UNION ALL
    SELECT doc_id, name, norm_name, masked, TRUE, province, 'agent' FROM loan_agents
    UNION ALL
    SELECT doc_id, name, agency, masked, FALSE, NULL, 'agency' FROM admin_agencies
),
split AS (  -- the person keys that span provinces (aggregates first, lists only for these)
    SELECT norm_name, what
    FROM used
    WHERE NOT masked AND person
    GROUP BY norm_name, what
    HAVING count(DISTINCT province) > 1
),
rows AS (
    SELECT DISTINCT 'masked' AS reason, name AS key, what, doc_id, name, NULL AS province
    FROM used WHERE masked
    UNION ALL
    SELECT DISTINCT 'same_name_different_provinces', u.norm_name, u.what, u.doc_id, u.name, u.province
    FROM used u JOIN split s USING (norm_name, what)
    WHERE NOT u.masked AND u.person
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY reason, key, what ORDER BY doc_id) AS rn
    FROM (SELECT reason, key, what, doc_id, any_value(name) AS name, any_value(province) AS province
          FROM rows GROUP BY reason, key, what, doc_id)
)
SELECT mode(name) AS name, what, reason, count(*) AS n_documents,
       list(doc_id ORDER BY doc_id) FILTER (WHERE rn <= $max_documents) AS documents,
       coalesce(list(DISTINCT province ORDER BY province) FILTER (WHERE province IS NOT NULL),
                []::VARCHAR[]) AS provinces
FROM ranked
GROUP BY reason, key, what
ORDER BY reason, n_documents DESC, name;
