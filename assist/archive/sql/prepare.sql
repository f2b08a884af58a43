-- Shared temp tables of the cross-case stage. Views documents, parties, agents, penalties,
-- cited_cases and signals are the Parquet records (children only of committed documents).
-- Parameters: $loan_causes VARCHAR[], $period_start DATE, $period_end DATE.

-- Loan suits: civil documents with a loan cause, inside the period (decided, else filed). A
-- first-instance document and an appeal or retrial citing it are one suit (suit_key).
CREATE TEMP TABLE loan_docs AS
WITH first_instance AS (
    SELECT doc_id, min(case_key) AS first_key
    FROM cited_cases
    WHERE relation = 'prior_instance' AND stage = 'first_instance' AND case_type = 'civil'
    GROUP BY doc_id
)
SELECT d.doc_id,
       coalesce(f.first_key, d.case_key, d.doc_id) AS suit_key,
       coalesce(d.filed, d.decided) AS suit_date,
       date_diff('day', DATE '1970-01-01', coalesce(d.filed, d.decided)) AS suit_day,
       d.province
FROM documents d
LEFT JOIN first_instance f USING (doc_id)
WHERE list_contains($loan_causes, d.cause)
  AND coalesce(d.case_type, 'civil') = 'civil'
  AND ($period_start::DATE IS NULL OR coalesce(d.decided, d.filed) >= $period_start::DATE)
  AND ($period_end::DATE IS NULL OR coalesce(d.decided, d.filed) <= $period_end::DATE);

-- The parties of loan suits on either side of the original dispute. kind_class: persons are
-- resolved by exact normalised name, organisations and agencies by normalised name.
CREATE TEMP TABLE loan_parties AS
SELECT p.doc_id, l.suit_key, l.suit_date, l.suit_day, l.province, p.idx, p.name, p.norm_name,
       p.masked, p.side, p.start, p."end",
       CASE WHEN p.kind = 'person' THEN 'person' ELSE 'org' END AS kind_class
FROM parties p
JOIN loan_docs l USING (doc_id)
WHERE p.side IN ('claimant', 'respondent');

-- Agents acting for the claimant side of loan suits; the key is name + firm.
CREATE TEMP TABLE loan_agents AS
SELECT a.doc_id, lp.suit_key, lp.province, a.name, a.norm_name, a.masked, a.firm, a.norm_firm,
       a.start, a."end",
       a.norm_name || coalesce('（' || a.norm_firm || '）', '') AS agent_key
FROM agents a
JOIN loan_parties lp ON lp.doc_id = a.doc_id AND lp.idx = a.party_idx
WHERE lp.side = 'claimant';

-- Administrative documents where an agency is the defendant or applies for enforcement.
CREATE TEMP TABLE admin_agencies AS
SELECT DISTINCT p.doc_id, p.name, p.norm_name AS agency, p.masked, p.start, p."end",
       coalesce(d.decided, d.filed) AS doc_date,
       date_diff('day', DATE '1970-01-01', coalesce(d.decided, d.filed)) AS doc_day
FROM parties p
JOIN documents d USING (doc_id)
WHERE d.case_type = 'administrative'
  AND p.kind = 'agency'
  AND (p.role IN ('defendant', 'enforcement_applicant', 'applicant') OR p.prior_role = 'defendant')
  AND ($period_start::DATE IS NULL OR coalesce(d.decided, d.filed) >= $period_start::DATE)
  AND ($period_end::DATE IS NULL OR coalesce(d.decided, d.filed) <= $period_end::DATE);
