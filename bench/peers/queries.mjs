// The benchmark queries Q1-Q6 (bench/suites/*.bench) for the peers: Kùzu's Cypher and SQL (DuckDB;
// sqlite_peer.py has the SQLite spelling of the same SQL). Both read the graph of export_native /
// gen_events: actor(id, labels, name, code, country), event(src, dst, type, code, base_code,
// root_code, date). Labels are one ';'-separated string, so `c:Country` is a LIKE on it.
//
// Semantics kept equal to newsgraph's Cypher (checked by the cross-check, not assumed):
// - Q1 matches the actor's events in either direction; a self-loop counts once.
// - Q3 never pairs an event with itself (Cypher's relationship uniqueness).
// - Q5 counts distinct end nodes of 1..3 outgoing hops; the start counts when a walk returns to it.
// - Q6 is the length of a shortest undirected path of at most 10 hops.

export const kuzu = {
  Q1: `MATCH (a:Actor)-[r:Event]-(b:Actor)
       WHERE a.name = $who AND r.date >= date('2018-03-01') AND r.date < date('2018-04-01')
       RETURN r.type AS verb, count(*) AS events ORDER BY events DESC, verb LIMIT 10`,
  Q2: `MATCH (a:Actor)-[r:Event]->(c:Actor)
       WHERE c.name = $country AND c.labels CONTAINS 'Country' AND starts_with(r.code, '112')
         AND r.date >= date('2018-01-01') AND r.date < date('2019-01-01')
       RETURN a.name AS accuser, count(*) AS accusations ORDER BY accusations DESC, accuser LIMIT 10`,
  Q3: `MATCH (a:Actor)-[r1:Event]->(b:Actor)-[r2:Event]->(c:Actor)
       WHERE c.name = $country AND c.labels CONTAINS 'Country'
         AND starts_with(r1.code, '112') AND starts_with(r2.code, '112') AND id(r1) <> id(r2)
       RETURN count(DISTINCT a) AS accusers`,
  Q4: `MATCH (a:Actor)-[r1:Event]->(b:Actor)-[r2:Event]->(c:Actor) WHERE r1.date < r2.date RETURN count(*) AS pairs`,
  Q5: `MATCH (a:Actor)-[:Event*1..3]->(x:Actor) WHERE a.name = $who RETURN count(DISTINCT x) AS reached`,
  Q6: `MATCH (a:Actor)-[e:Event* SHORTEST 1..10]-(b:Actor) WHERE a.name = $from AND b.name = $to
       RETURN length(e) AS hops LIMIT 1`,
  // bench/suites/rules-500k.bench (the optimizer rules' families; walk and trail reach the same
  // end nodes here, the start excluded by the filter).
  reach_filtered: `MATCH (a:Actor)-[:Event*1..3]->(b:Actor) WHERE a.name = $who AND b.name <> $who
       RETURN count(DISTINCT b) AS n`,
  reach_filtered_nolabel: `MATCH (a {name: $who})-[*1..3]->(b) WHERE b.name <> $who RETURN count(DISTINCT b) AS n`,
  reach_distinct_rows: `MATCH (a:Actor)<-[:Event*1..2]-(b:Actor) WHERE a.name = $country AND b.labels CONTAINS 'Country'
       RETURN DISTINCT b.name AS name ORDER BY name LIMIT 5`,
  two_hop_labels: `MATCH (a:Actor)-[r1:Event]->(b:Actor)-[r2:Event]->(c:Actor)
       WHERE a.labels CONTAINS 'Country' AND c.labels CONTAINS 'Government' AND r1.date < r2.date RETURN count(*) AS pairs`,
};

const isCountry = (alias) => `(';' || ${alias}.labels || ';') LIKE '%;Country;%'`;

export const sql = {
  Q1: `SELECT verb, count(*) AS events FROM (
         SELECT e.type AS verb FROM actor a JOIN event e ON e.src = a.id
         WHERE a.name = $who AND e.date >= DATE '2018-03-01' AND e.date < DATE '2018-04-01'
         UNION ALL
         SELECT e.type AS verb FROM actor a JOIN event e ON e.dst = a.id AND e.src <> e.dst
         WHERE a.name = $who AND e.date >= DATE '2018-03-01' AND e.date < DATE '2018-04-01')
       GROUP BY verb ORDER BY events DESC, verb LIMIT 10`,
  Q2: `SELECT a.name AS accuser, count(*) AS accusations
       FROM event e JOIN actor c ON e.dst = c.id JOIN actor a ON e.src = a.id
       WHERE c.name = $country AND ${isCountry('c')} AND starts_with(e.code, '112')
         AND e.date >= DATE '2018-01-01' AND e.date < DATE '2019-01-01'
       GROUP BY a.id, a.name ORDER BY accusations DESC, accuser LIMIT 10`,
  Q3: `SELECT count(DISTINCT e1.src) AS accusers
       FROM event e1 JOIN event e2 ON e1.dst = e2.src JOIN actor c ON e2.dst = c.id
       WHERE c.name = $country AND ${isCountry('c')}
         AND starts_with(e1.code, '112') AND starts_with(e2.code, '112') AND e1.rowid <> e2.rowid`,
  Q4: `SELECT count(*) AS pairs FROM event e1 JOIN event e2 ON e1.dst = e2.src WHERE e1.date < e2.date`,
  Q5: `WITH RECURSIVE reach(node, depth) AS (
         SELECT id, 0 FROM actor WHERE name = $who
         UNION
         SELECT e.dst, r.depth + 1 FROM reach r JOIN event e ON e.src = r.node WHERE r.depth < 3)
       SELECT count(DISTINCT node) AS reached FROM reach WHERE depth >= 1`,
  // Breadth first over both directions; UNION keeps one row per (node, depth).
  Q6: `WITH RECURSIVE edge(a, b) AS (SELECT src, dst FROM event UNION ALL SELECT dst, src FROM event),
       bfs(node, depth) AS (
         SELECT id, 0 FROM actor WHERE name = $from
         UNION
         SELECT edge.b, bfs.depth + 1 FROM bfs JOIN edge ON edge.a = bfs.node WHERE bfs.depth < 10)
       SELECT min(bfs.depth) AS hops FROM bfs JOIN actor t ON t.id = bfs.node WHERE t.name = $to AND bfs.depth >= 1`,
  reach_filtered: `WITH RECURSIVE reach(node, depth) AS (
         SELECT id, 0 FROM actor WHERE name = $who
         UNION
         SELECT e.dst, r.depth + 1 FROM reach r JOIN event e ON e.src = r.node WHERE r.depth < 3)
       SELECT count(DISTINCT node) AS n FROM reach JOIN actor b ON b.id = reach.node
       WHERE depth >= 1 AND b.name <> $who`,
  reach_filtered_nolabel: `WITH RECURSIVE reach(node, depth) AS (
         SELECT id, 0 FROM actor WHERE name = $who
         UNION
         SELECT e.dst, r.depth + 1 FROM reach r JOIN event e ON e.src = r.node WHERE r.depth < 3)
       SELECT count(DISTINCT node) AS n FROM reach JOIN actor b ON b.id = reach.node
       WHERE depth >= 1 AND b.name <> $who`,
  reach_distinct_rows: `WITH RECURSIVE reach(node, depth) AS (
         SELECT id, 0 FROM actor WHERE name = $country
         UNION
         SELECT e.src, r.depth + 1 FROM reach r JOIN event e ON e.dst = r.node WHERE r.depth < 2)
       SELECT DISTINCT b.name AS name FROM reach JOIN actor b ON b.id = reach.node
       WHERE depth >= 1 AND ${isCountry('b')} ORDER BY name LIMIT 5`,
  two_hop_labels: `SELECT count(*) AS pairs FROM event e1 JOIN event e2 ON e1.dst = e2.src
       JOIN actor a ON a.id = e1.src JOIN actor c ON c.id = e2.dst
       WHERE ${isCountry('a')} AND (';' || c.labels || ';') LIKE '%;Government;%' AND e1.date < e2.date`,
};
