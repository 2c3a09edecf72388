// Runs a suite's statements (Q1-Q7, the variants, ...) on Kùzu or DuckDB (in memory, all cores), the way query_bench runs them on newsgraph:
// W untimed warm-up runs, N timed runs, median/min/max ms, the first answer rendered as the suite
// writes rows ('text' | 12), and the process's peak RSS.
//
//   node peers.mjs --system kuzu|duckdb --data DIR --suite FILE [--runs N] [--warmup W]
//                  [--load-runs K] [--only Q1,Q4] [--max-seconds S] [--json OUT]
//
// DIR holds actors.csv and events.csv (gen_events or export_native). Parameters come from the
// suite's -NAME / -PARAM lines, so every system asks the same question.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as queries from './queries.mjs';

const DEFAULTS = { runs: 5, warmup: 2, loadRuns: 3, maxSeconds: 120 };

function usage(message) {
  console.error(`peers.mjs: ${message}\nusage: node peers.mjs --system kuzu|duckdb --data DIR --suite FILE ` +
    '[--runs N] [--warmup W] [--load-runs K] [--only Q1,Q4] [--max-seconds S] [--json OUT]');
  process.exit(2);
}

function parseArgs(argv) {
  const options = { ...DEFAULTS, only: [] };
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${arg} needs a value`));
    const number = (minimum) => {
      const n = Number(value());
      return Number.isInteger(n) && n >= minimum ? n : usage(`${arg} needs a whole number >= ${minimum}`);
    };
    switch (arg) {
      case '--system': options.system = value(); break;
      case '--data': options.data = value(); break;
      case '--suite': options.suite = value(); break;
      case '--runs': options.runs = number(1); break;
      case '--warmup': options.warmup = number(0); break;
      case '--load-runs': options.loadRuns = number(1); break;
      case '--max-seconds': options.maxSeconds = number(1); break;
      case '--only': options.only = value().split(','); break;
      case '--json': options.json = value(); break;
      default: usage(`unknown argument ${arg}`);
    }
  }
  if (!['kuzu', 'duckdb'].includes(options.system)) usage('--system is kuzu or duckdb');
  if (!options.data || !options.suite) usage('--data and --suite are required');
  for (const file of ['actors.csv', 'events.csv']) {
    if (!fs.existsSync(path.join(options.data, file))) usage(`no ${file} in ${options.data}`);
  }
  if (!fs.existsSync(options.suite)) usage(`no suite ${options.suite}`);
  return options;
}

// The statements' names and string parameters, from the suite (bench/suite.hpp syntax).
export function suiteParameters(file) {
  const result = {};
  let parameters = {};
  let name = null;
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    let match;
    if ((match = /^-NAME\s+(\S+)/.exec(line))) {
      name = match[1];
    } else if ((match = /^-PARAM\s+(\w+)\s+'((?:[^'\\]|\\.)*)'\s*$/.exec(line))) {
      parameters = { ...parameters, [match[1]]: match[2].replace(/\\(.)/g, '$1') };
    } else if (line.startsWith('-STATEMENT') && name) {
      result[name] = parameters;
      name = null;
    }
  }
  return result;
}

// A value as the suites write it: 'text' (with \' and \\), integers as digits, null.
function render(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value === 'object' && 'micros' in value === false && typeof value.toString === 'function') {
    return render(value.toString());
  }
  return String(value);
}

const renderRows = (rows) => rows.map((row) => row.map(render).join(' | '));

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median_ms: median, min_ms: sorted[0], max_ms: sorted[sorted.length - 1], runs: sorted.length };
}

async function kuzuSystem(data) {
  const { default: kuzu } = await import('kuzu');
  let db = null;
  let conn = null;
  return {
    name: 'kuzu',
    version: kuzu.VERSION ?? '0.11.3',
    async load() {
      // A reload frees the previous database first, so that peak RSS is one graph's.
      if (conn) await conn.close();
      if (db) await db.close();
      db = new kuzu.Database(':memory:');
      conn = new kuzu.Connection(db);
      await conn.query('CREATE NODE TABLE Actor(id INT64, labels STRING, name STRING, code STRING, country STRING, PRIMARY KEY (id))');
      await conn.query('CREATE REL TABLE Event(FROM Actor TO Actor, type STRING, code STRING, base_code STRING, root_code STRING, date DATE)');
      // Explicit dialect: Kùzu's sniffing split names with commas (shared/DESIGN.md).
      const dialect = "(header=true, delim=',', quote='\"', escape='\"')";
      await conn.query(`COPY Actor FROM '${path.resolve(data, 'actors.csv')}' ${dialect}`);
      await conn.query(`COPY Event FROM '${path.resolve(data, 'events.csv')}' ${dialect}`);
      const check = await (await conn.query('MATCH ()-[e:Event]->() RETURN count(*)')).getAll();
      return Number(Object.values(check[0])[0]);
    },
    async prepare(name) {
      const statement = await conn.prepare(queries.kuzu[name]);
      if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
      return statement;
    },
    async run(statement, parameters) {
      const result = await conn.execute(statement, parameters);
      const rows = await result.getAll();
      return rows.map((row) => Object.values(row));
    },
  };
}

async function duckdbSystem(data) {
  const duckdb = await import('@duckdb/node-api');
  let instance = null;
  let conn = null;
  return {
    name: 'duckdb',
    version: duckdb.version ? duckdb.version() : '?',
    async load() {
      conn?.closeSync();
      instance?.closeSync();
      instance = await duckdb.DuckDBInstance.create(':memory:');
      conn = await instance.connect();
      const csv = (file, columns) =>
        `read_csv('${path.resolve(data, file)}', header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, columns = ${columns})`;
      await conn.run(`CREATE TABLE actor AS SELECT * FROM ${csv('actors.csv',
        "{'id': 'BIGINT', 'labels': 'VARCHAR', 'name': 'VARCHAR', 'code': 'VARCHAR', 'country': 'VARCHAR'}")}`);
      await conn.run(`CREATE TABLE event AS SELECT * FROM ${csv('events.csv',
        "{'src': 'BIGINT', 'dst': 'BIGINT', 'type': 'VARCHAR', 'code': 'VARCHAR', 'base_code': 'VARCHAR', 'root_code': 'VARCHAR', 'date': 'DATE'}")}`);
      const reader = await conn.runAndReadAll('SELECT count(*) FROM event');
      return Number(reader.getRows()[0][0]);
    },
    async prepare(name) {
      return queries.sql[name];
    },
    async run(statement, parameters) {
      const reader = await conn.runAndReadAll(statement, parameters);
      return reader.getRows();
    },
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const system = options.system === 'kuzu' ? await kuzuSystem(options.data) : await duckdbSystem(options.data);
  const report = { system: system.name, version: system.version, data: options.data, suite: options.suite, queries: [] };

  const loadTimes = [];
  let relationships = 0;
  for (let i = 0; i < options.loadRuns; ++i) {
    const start = performance.now();
    relationships = await system.load();
    loadTimes.push(performance.now() - start);
  }
  report.relationships = relationships;
  report.queries.push({ query: 'Q7 load', status: 'ok', rows: relationships, ...stats(loadTimes),
    peak_rss_mib: process.resourceUsage().maxRSS / 1024, answer: [] });

  const parameters = suiteParameters(options.suite);
  // The suite's statements in its order, those queries.mjs spells (a -DISABLE-RULES repeat has none).
  for (const name of Object.keys(parameters)) {
    if (options.only.length && !options.only.includes(name)) continue;
    if (!(name in queries.kuzu) || !(name in queries.sql)) {
      console.error(`${system.name} ${name}: no spelling in queries.mjs, skipped`);
      continue;
    }
    const entry = { query: name, status: 'ok', rows: 0, answer: [] };
    try {
      const statement = await system.prepare(name);
      // Only the parameters the statement uses (the suite's accumulate; DuckDB rejects extras).
      const text = options.system === 'kuzu' ? queries.kuzu[name] : queries.sql[name];
      const used = Object.fromEntries(Object.entries(parameters[name] ?? {}).filter(([key]) => text.includes(`$${key}`)));
      const samples = [];
      for (let run = 0; run < options.warmup + options.runs; ++run) {
        const start = performance.now();
        const rows = await system.run(statement, used);
        const ms = performance.now() - start;
        if (run === 0) {
          entry.answer = renderRows(rows);
          entry.rows = rows.length;
        }
        if (run >= options.warmup || ms > options.maxSeconds * 1000) samples.push(ms);
        if (ms > options.maxSeconds * 1000) {
          entry.detail = `stopped after ${run + 1} run(s): over --max-seconds`;
          break;
        }
      }
      Object.assign(entry, stats(samples));
    } catch (error) {
      entry.status = 'ERROR';
      entry.detail = String(error.message ?? error).split('\n')[0];
    }
    entry.peak_rss_mib = process.resourceUsage().maxRSS / 1024;
    console.error(`${system.name} ${name}: ${entry.status} ${entry.median_ms?.toFixed(3) ?? ''} ms ${entry.answer.slice(0, 3).join(' ; ')}`);
    report.queries.push(entry);
  }
  const text = JSON.stringify(report) + '\n';
  if (options.json) fs.writeFileSync(options.json, text);
  else process.stdout.write(text);
  process.exit(0); // the native modules may keep the event loop alive
}

main().catch((error) => {
  console.error(`peers.mjs: ${error.stack ?? error}`);
  process.exit(2);
});
