-- §2.1 cross-case signals over loan suits (loan_parties, loan_agents from prepare.sql).
-- Masked names (张某, ***) never take part: they cannot tell two people apart.
-- Parameters: $plaintiff_min, $agent_min, $pair_min.

CREATE OR REPLACE TEMP TABLE loan_pairs AS
SELECT c.doc_id, c.suit_key, c.norm_name || ' | ' || r.norm_name AS pair_key,
       c.name AS c_name, c.start AS c_start, c."end" AS c_end,
       r.name AS r_name, r.start AS r_start, r."end" AS r_end
FROM loan_parties c
JOIN loan_parties r ON r.doc_id = c.doc_id AND r.side = 'respondent' AND NOT r.masked
WHERE c.side = 'claimant' AND NOT c.masked;

CREATE OR REPLACE TEMP TABLE lead_head AS
-- frequent_plaintiff: one claimant in ≥ $plaintiff_min distinct loan suits. A person's name
-- seen in courts of different provinces may be different people: kept, flagged ambiguous.
SELECT 'frequent_plaintiff' AS code, norm_name AS key, mode(name) AS display,
       count(DISTINCT suit_key) AS n, count(DISTINCT suit_key) - $plaintiff_min AS excess,
       (bool_and(kind_class = 'person') AND count(DISTINCT province) > 1) AS ambiguous,
       NULL::VARCHAR AS other
FROM loan_parties
WHERE side = 'claimant' AND NOT masked
GROUP BY norm_name
HAVING count(DISTINCT suit_key) >= $plaintiff_min
UNION ALL
-- frequent_agent: one agent (name + firm) for claimants in ≥ $agent_min distinct loan suits.
SELECT 'frequent_agent', agent_key, mode(name), count(DISTINCT suit_key),
       count(DISTINCT suit_key) - $agent_min, FALSE, mode(firm)
FROM loan_agents
WHERE NOT masked
GROUP BY agent_key
HAVING count(DISTINCT suit_key) >= $agent_min
UNION ALL
-- repeated_pair: the same claimant and respondent in ≥ $pair_min distinct loan suits.
SELECT 'repeated_pair', pair_key, mode(c_name), count(DISTINCT suit_key),
       count(DISTINCT suit_key) - $pair_min, FALSE, mode(r_name)
FROM loan_pairs
GROUP BY pair_key
HAVING count(DISTINCT suit_key) >= $pair_min;

CREATE OR REPLACE TEMP TABLE lead_evidence AS
SELECT h.code, h.key, p.doc_id, p.start, p."end", p.name AS text
FROM lead_head h
JOIN loan_parties p ON p.norm_name = h.key AND p.side = 'claimant' AND NOT p.masked
WHERE h.code = 'frequent_plaintiff'
UNION ALL
SELECT h.code, h.key, a.doc_id, a.start, a."end", a.name
FROM lead_head h
JOIN loan_agents a ON a.agent_key = h.key AND NOT a.masked
WHERE h.code = 'frequent_agent'
UNION ALL
SELECT h.code, h.key, p.doc_id, unnest([p.c_start, p.r_start]), unnest([p.c_end, p.r_end]),
       unnest([p.c_name, p.r_name])
FROM lead_head h
JOIN loan_pairs p ON p.pair_key = h.key
WHERE h.code = 'repeated_pair';

-- Every document with evidence is a document the lead rests on.
CREATE OR REPLACE TEMP TABLE lead_docs AS
SELECT DISTINCT code, key, doc_id FROM lead_evidence;
