#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: performance of our nodes against the PM Cloud sandbox, inside a real n8n, compared
 * with n8n's HTTP Request node and with a bare client (Node's fetch). Writes BENCHMARKS.md.
 *
 * Scenarios (see BENCHMARKS.md for what each measures and the goals):
 *   s1  Return All of a large list: our Computers node vs the HTTP Request node vs the bare client
 *   s2  Trigger backlog drain and idle poll (in-process PollContext) vs a bare FromStartDate walk
 *   s3  Token requests per 1,000 executions (sub-workflow executions in one real n8n)
 *   s4  Peak RSS of n8n during a Return All of 100,000 items vs the size of their JSON
 *   s5  3,000 input items doing a Computers Get under the rate limit: throughput and 429s
 *
 * Options (flags, or the environment variable in brackets):
 *   --latency MS          per-request latency of the sandbox (BENCH_LATENCY_MS, default 50)
 *   --runs N              measured runs per figure, median reported (BENCH_RUNS, default 3, at least 3)
 *   --rate-limit R/S      requests per window seconds (BENCH_RATE_LIMIT, default 1000/100)
 *   --computers N         S1 list size (default 20000)          --events N     S2 backlog (default 100000)
 *   --memory-computers N  S4 list size (default 100000)         --items N      S5 input items (default 3000)
 *   --executions N        S3 executions (default 1000)
 *   --only s1,s2,…        run only these scenarios (the report then only has those)
 *   --s5 concurrent|sequential  S5's runs on separate API accounts at once (default) or one after another
 *   --out FILE            report path (default BENCHMARKS.md); --no-report to only print
 *   --report-from FILE    only write the report again from a results file (e.g. .bench/results.json)
 */
const fs = require('node:fs');
const path = require('node:path');

const n8n = require('../n8n/install');
const U = require('./lib/util');
const W = require('./lib/workflows');
const { execute } = require('./lib/n8nrun');
const bare = require('./lib/bare');
const { writeReport } = require('./lib/report');

const ROOT = n8n.ROOT;
const WORK = path.join(ROOT, '.bench');

// ---------------------------------------------------------------------------------------------
// settings

function parseArgs(argv) {
	const args = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) continue;
		const [key, inline] = a.slice(2).split('=');
		if (inline !== undefined) args[key] = inline;
		else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) args[key] = argv[++i];
		else args[key] = true;
	}
	return args;
}

const args = parseArgs(process.argv.slice(2));
const num = (v, fallback) => (v === undefined || v === true || Number.isNaN(Number(v)) ? fallback : Number(v));
const [rlRequests, rlSeconds] = String(args['rate-limit'] ?? process.env.BENCH_RATE_LIMIT ?? '1000/100').split('/').map(Number);
const S = {
	latencyMs: num(args.latency ?? process.env.BENCH_LATENCY_MS, 50),
	runs: Math.max(3, num(args.runs ?? process.env.BENCH_RUNS, 3)),
	rateLimit: { requests: rlRequests || 1000, windowMs: (rlSeconds || 100) * 1000 },
	computers: num(args.computers, 20000),
	events: num(args.events, 100000),
	memoryComputers: num(args['memory-computers'], 100000),
	items: num(args.items, 3000),
	executions: num(args.executions, 1000),
	pageSize: 200,
	pageConcurrency: 6, // nodes/shared/transport/pagination.ts DEFAULT_PAGE_CONCURRENCY
	s5Mode: args.s5 === 'sequential' ? 'sequential' : 'concurrent',
	only: args.only ? String(args.only).split(',').map((s) => s.trim().toLowerCase()) : ['s1', 's2', 's3', 's4', 's5'],
	out: path.resolve(ROOT, args.out && args.out !== true ? args.out : 'BENCHMARKS.md'),
	report: !args['no-report'],
};
const wants = (s) => S.only.includes(s);

// Our node's query before the paging pair (it sorts by created ascending when no sort is set).
const SORT_QUERY = [
	['Sorts[0].by', 'created'],
	['Sorts[0].order', 'asc'],
];
const SORT_QS = SORT_QUERY.map(([k, v]) => `${k}=${v}`).join('&');

const t0 = Date.now();
const log = (...a) => console.log(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s]`, ...a);

// ---------------------------------------------------------------------------------------------
// setup

const client = (name) => ({ clientId: `bench-${name}`, clientSecret: `secret-${name}` });

const ID = {
	credS1Ours: 'benchCredS1Ours',
	credS1Http: 'benchCredS1Http',
	credS3: 'benchCredS3',
	credS4: 'benchCredS4',
	credS5: (i) => `benchCredS5r${i}`,
	wfNoop: 'benchWfNoop00001',
	wfS1Ours: 'benchWfS1Ours001',
	wfS1Http: 'benchWfS1Http001',
	wfS3Parent: 'benchWfS3Parent1',
	wfS3Sub: 'benchWfS3Sub0001',
	wfS4: 'benchWfS4Memory1',
	wfS5: (i) => `benchWfS5Items0${i}`,
};

async function prepareN8n(userFolder, credentials, workflows, publish = []) {
	fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	let packed = await n8n.packAndInstall(userFolder);
	if (!packComplete(packed.dir)) {
		// dist/ was being rebuilt by someone else while it was packed (a shared work tree): build and pack again.
		await n8n.run('npm', ['run', 'build'], { cwd: ROOT, quiet: true });
		packed = await n8n.packAndInstall(userFolder);
		if (!packComplete(packed.dir)) throw new Error(`the installed package in ${packed.dir} lacks files package.json declares`);
	}
	fs.writeFileSync(path.join(userFolder, 'credentials.json'), JSON.stringify(credentials, null, 2));
	fs.writeFileSync(path.join(userFolder, 'workflows.json'), JSON.stringify(workflows));
	const commands = [
		['import:credentials', `--input=${path.join(userFolder, 'credentials.json')}`],
		['import:workflow', `--input=${path.join(userFolder, 'workflows.json')}`],
		// n8n 2.x runs only published sub-workflows.
		...publish.map((id) => ['publish:workflow', `--id=${id}`]),
	];
	for (const command of commands) {
		const r = await n8n.n8nCli(command, { userFolder, env: n8n.n8nEnv(userFolder, 5678, { N8N_RUNNERS_BROKER_PORT: '5690' }) });
		if (r.code !== 0) throw new Error(`n8n ${command.join(' ')} failed (${r.code}):\n${r.stderr.slice(-2000)}\n${r.stdout.slice(-2000)}`);
	}
	return packed;
}

/** Every node and credential file package.json declares is in the installed package. */
function packComplete(dir) {
	const pkg = require(path.join(ROOT, 'package.json'));
	return [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])].every((file) => fs.existsSync(path.join(dir, file)));
}

let brokerPort = 5700;
const retries = [];
/** `n8n execute` with its own task-broker port (runs may overlap) and the output in WORK. */
async function exec(userFolder, id, label) {
	const port = brokerPort++;
	// Sub-workflows (S3) are read from their published version (`n8n publish:workflow`); without a server
	// process, n8n's publication service has no data for them, so use the workflow's active version.
	const env = { N8N_RUNNERS_BROKER_PORT: String(port), N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false' };
	let result;
	for (let attempt = 1; ; attempt++) {
		result = await execute({ userFolder, id, outFile: path.join(WORK, 'out', `${label}.txt`), env });
		if (result.code === null && result.signal) {
			// Seen: n8n 2.40.7 on Node 24 crashing with SIGSEGV while it shuts down. When the run had been
			// printed in full it counts (the crash came after it); otherwise the workflow runs again.
			retries.push({ label, signal: result.signal, complete: result.run.status === 'success' });
			if (result.run.status === 'success') {
				result.code = 0;
				log(`  (${label}: n8n ended with ${result.signal} after completing the run)`);
			} else if (attempt < 3) {
				log(`  (${label}: n8n ended with ${result.signal}; running it again)`);
				continue;
			}
		}
		break;
	}
	// Outputs run to hundreds of MB: keep only those of failed runs.
	if (result.code === 0 && result.run.status === 'success') fs.rmSync(result.outFile, { force: true });
	return result;
}

/** A copy of the prepared n8n user folder, for runs that overlap (each n8n process its own SQLite). */
function copyUserFolder(from, name) {
	const folder = path.join(WORK, name);
	fs.rmSync(folder, { recursive: true, force: true });
	fs.cpSync(from, folder, { recursive: true });
	return folder;
}

function nodeOf(result, name, what) {
	const node = result.run.nodes[name];
	if (result.code !== 0 || !node || node.status !== 'success') {
		throw new Error(`${what}: n8n execute exited with ${result.code}, node "${name}" ${node ? node.status : 'did not run'} (output in ${result.outFile}):\n${result.run.tail.slice(-2000)}`);
	}
	return node;
}

const perClient = (stats, c) => stats.requestsPerClient?.[c.clientId] ?? 0;

// ---------------------------------------------------------------------------------------------
// S1: Return All of a large list

async function scenario1(ctx) {
	const { sandboxA: sb, userFolder } = ctx;
	const c = U.control(sb.url);
	const variants = {
		ours: async (label) => {
			const before = await c.stats();
			const r = await exec(userFolder, ID.wfS1Ours, label);
			const node = nodeOf(r, W.OURS, 'S1 ours');
			const after = await c.stats();
			return { ms: node.executionTime, items: node.items, requests: perClient(after, ctx.clients.s1Ours) - perClient(before, ctx.clients.s1Ours), tokens: after.tokenRequests - before.tokenRequests, wallMs: r.wallMs, rateLimited: after.rateLimited - before.rateLimited };
		},
		http: async (label) => {
			const before = await c.stats();
			const r = await exec(userFolder, ID.wfS1Http, label);
			const node = nodeOf(r, W.HTTP, 'S1 HTTP Request');
			const after = await c.stats();
			return { ms: node.executionTime, items: node.items, requests: perClient(after, ctx.clients.s1Http) - perClient(before, ctx.clients.s1Http), tokens: after.tokenRequests - before.tokenRequests, wallMs: r.wallMs, rateLimited: after.rateLimited - before.rateLimited };
		},
		bare: async () => {
			const r = await U.runJsonScript(n8n.NODE24, path.join(__dirname, 'bare-list.js'), {
				baseUrl: sb.url,
				...ctx.clients.s1Bare,
				path: '/v3/Computers',
				query: SORT_QS,
				pageSize: S.pageSize,
				concurrency: S.pageConcurrency,
				beforeTimedUrl: `${sb.url}/__sandbox/faults`,
				beforeTimedBody: JSON.stringify({ rateLimit: S.rateLimit }),
			});
			return { ms: r.ms, items: r.items, requests: r.requests };
		},
		noop: async (label) => {
			const r = await exec(userFolder, ID.wfNoop, label);
			nodeOf(r, W.START, 'noop');
			return { wallMs: r.wallMs, peakRss: r.peakRss };
		},
	};
	const orders = [
		['ours', 'http', 'bare', 'noop'],
		['http', 'bare', 'noop', 'ours'],
		['bare', 'noop', 'ours', 'http'],
		['noop', 'ours', 'http', 'bare'],
	];
	const results = { ours: [], http: [], bare: [], noop: [] };
	for (let rep = 0; rep <= S.runs; rep++) {
		const order = orders[rep % orders.length];
		for (const v of order) {
			await c.resetRateLimit(S.rateLimit);
			const r = await variants[v](`s1-${v}-${rep}`);
			if (rep > 0) results[v].push(r);
			log(`  S1 ${rep === 0 ? 'warm-up' : `run ${rep}`} ${v}: ${r.ms !== undefined ? `${Math.round(r.ms)} ms, ${r.items} items, ${r.requests} requests` : `${r.wallMs} ms wall`}`);
		}
	}
	// Context: the sandbox's own service time for these pages (the bare client with no added latency).
	await c.call('POST', 'faults', { latencyMs: 0 });
	results.bareNoLatency = [];
	try {
		for (let rep = 0; rep < S.runs; rep++) {
			await c.resetRateLimit(S.rateLimit);
			results.bareNoLatency.push(await variants.bare());
		}
	} finally {
		await c.call('POST', 'faults', { latencyMs: S.latencyMs });
	}
	log(`  S1 bare client with 0 ms latency: ${Math.round(U.median(results.bareNoLatency.map((r) => r.ms)))} ms`);
	return results;
}

// ---------------------------------------------------------------------------------------------
// S2: trigger backlog drain (in-process)

async function scenario2(ctx) {
	const sb = ctx.sandboxA;
	// The backlog spans the 7 days before the sandbox started; start a day before it.
	const startDate = new Date(ctx.sandboxAStartedAt - 8 * 86_400_000).toISOString();
	const r = await U.runJsonScript(process.execPath, path.join(__dirname, 'inproc.js'), {
		task: 'drain',
		baseUrl: sb.url,
		rateLimit: S.rateLimit,
		triggerClient: ctx.clients.s2Trigger,
		bareClient: ctx.clients.s2Bare,
		runs: S.runs,
		maxPolls: Math.ceil(S.events / 1000) + 10,
		idlePolls: 3,
		startDate,
	});
	r.ours.forEach((o, i) => log(`  S2 run ${i + 1} trigger: ${o.events} events in ${o.polls} polls, ${Math.round(o.ms)} ms, ${Math.round(o.eventsPerSecond)}/s, ${o.requests} requests; idle polls ${o.idle.map((p) => p.requests).join('/')} request(s)`));
	r.bare.forEach((b, i) => log(`  S2 run ${i + 1} bare:    ${b.events} events, ${Math.round(b.ms)} ms, ${Math.round(b.eventsPerSecond)}/s, ${b.requests} requests`));
	return { ...r, startDate };
}

// ---------------------------------------------------------------------------------------------
// S3: token reuse over 1,000 executions

async function scenario3(ctx) {
	// On sandbox A, with an API account of its own that nothing else uses (S5 may run there meanwhile:
	// requests and token requests are counted for this account only).
	const sb = ctx.sandboxA;
	const c = U.control(sb.url);
	const me = ctx.clients.s3;
	const seqBefore = await lastSeq(c);
	const before = await c.stats();
	const r = await exec(ctx.userFolder, ID.wfS3Parent, 's3-token');
	const after = await c.stats();
	const caller = r.run.nodes['Execute Workflow'];
	if (r.code !== 0 || !caller || caller.status !== 'success') {
		throw new Error(`S3: n8n execute exited with ${r.code}; Execute Workflow ${caller ? caller.status : 'did not run'} (output in ${r.outFile}):\n${r.run.tail.slice(-2000)}`);
	}
	const tokenLog = (await c.requests(seqBefore, 'token')).requests;
	const result = {
		mode: 'real n8n: one `n8n execute` whose Execute Workflow node runs a sub-workflow (one Computers Get) once per item, each a separate execution',
		executions: caller.items,
		tokenRequests: tokenLog.filter((t) => new URLSearchParams(String(t.body ?? '')).get('client_id') === me.clientId).length,
		apiRequests: perClient(after, me) - perClient(before, me),
		ms: caller.executionTime,
	};
	log(`  S3: ${result.executions} executions, ${result.tokenRequests} token request(s), ${result.apiRequests} API requests, ${Math.round(result.ms / 1000)} s`);
	return result;
}

// ---------------------------------------------------------------------------------------------
// S4: memory of a Return All of 100,000 items

async function scenario4(ctx) {
	const sb = ctx.sandboxB;
	const c = U.control(sb.url);
	// The size of the data: the JSON of every item as the API returns them (same pages as our node).
	// Read alongside the first run (the sandbox is slow to list 100,000 records; memory is not affected).
	await c.resetRateLimit(S.rateLimit);
	const accessToken = await bare.token(sb.url, ctx.clients.s4Bare.clientId, ctx.clients.s4Bare.clientSecret);
	const sizing = bare
		.listAll({ baseUrl: sb.url, accessToken, path: '/v3/Computers', query: SORT_QS, pageSize: S.pageSize, concurrency: S.pageConcurrency, keepItems: false, measureJson: true })
		.then((size) => {
			log(`  S4 data: ${size.items} items, ${(size.jsonBytes / 1e6).toFixed(1)} MB of JSON`);
			return size;
		});
	sizing.catch(() => undefined);
	const runs = [];
	for (let rep = 0; rep < S.runs; rep++) {
		const noop = await exec(ctx.s4Folder, ID.wfNoop, `s4-noop-${rep}`);
		nodeOf(noop, W.START, 'S4 noop');
		await c.resetRateLimit(S.rateLimit);
		const before = await c.stats();
		const r = await exec(ctx.s4Folder, ID.wfS4, `s4-memory-${rep}`);
		const node = nodeOf(r, W.OURS, 'S4');
		const after = await c.stats();
		const start = node.startTime;
		const end = node.startTime + node.executionTime;
		const pre = r.samples.filter(([t]) => t <= start);
		const during = r.samples.filter(([t]) => t >= start && t <= end + 50);
		const run = {
			items: node.items,
			ms: node.executionTime,
			requests: perClient(after, ctx.clients.s4) - perClient(before, ctx.clients.s4),
			noopPeakRss: noop.peakRss,
			rssBeforeNode: pre.length ? pre[pre.length - 1][1] : undefined,
			peakDuringNode: during.length ? Math.max(...during.map(([, v]) => v)) : undefined,
			peakOverall: r.peakRss,
			wallMs: r.wallMs,
			samples: r.samples.length,
		};
		runs.push(run);
		log(`  S4 run ${rep + 1}: ${run.items} items in ${run.ms} ms; RSS no-op ${mb(run.noopPeakRss)}, before node ${mb(run.rssBeforeNode)}, peak during node ${mb(run.peakDuringNode)}, peak overall ${mb(run.peakOverall)}`);
	}
	const size = await sizing;
	return { jsonBytes: size.jsonBytes, items: size.items, runs };
}

const mb = (b) => (b === undefined ? '?' : `${Math.round(b / 1048576)} MiB`);

// ---------------------------------------------------------------------------------------------
// S5: many items in, under the rate limit

async function scenario5Start(ctx) {
	const sb = ctx.sandboxA;
	const c = U.control(sb.url);
	const folders = Array.from({ length: S.runs }, (_, i) => copyUserFolder(ctx.userFolder, `n8n-s5-${i + 1}`));
	const runOne = async (i) => {
		const clientX = ctx.clients.s5[i - 1];
		const startedAt = Date.now();
		const r = await exec(folders[i - 1], ID.wfS5(i), `s5-items-${i}`);
		const node = nodeOf(r, W.OURS, `S5 run ${i}`);
		return { client: clientX.clientId, ms: node.executionTime, items: node.items, errors: node.errors, startedAt, nodeStart: node.startTime, wallMs: r.wallMs };
	};
	const seqBefore = await lastSeq(c);
	const apiBefore = (await c.stats()).apiRequests;
	await c.resetRateLimit(S.rateLimit);
	const promise =
		S.s5Mode === 'concurrent'
			? Promise.all(Array.from({ length: S.runs }, (_, k) => runOne(k + 1)))
			: (async () => {
					const out = [];
					for (let i = 1; i <= S.runs; i++) {
						await c.resetRateLimit(S.rateLimit);
						out.push(await runOne(i));
					}
					return out;
				})();
	return { promise, seqBefore, apiBefore, folders };
}

async function lastSeq(c) {
	// The newest seq in the request log (the log keeps its seq numbers across resets).
	const all = await c.requests(0);
	return all.next ?? 0;
}

async function scenario5Finish(ctx, started) {
	const c = U.control(ctx.sandboxA.url);
	const runs = await started.promise;
	const { requests } = await c.requests(started.seqBefore);
	for (const run of runs) {
		const mine = requests.filter((r) => r.clientId === run.client);
		run.requests = mine.length;
		run.sandbox429 = mine.filter((r) => r.status === 429).length;
		run.ok = mine.filter((r) => r.status === 200).length;
		run.user429 = Object.entries(run.errors)
			.filter(([message]) => /429|rate limit|too many/i.test(message))
			.reduce((s, [, n]) => s + n, 0);
		run.userErrors = Object.values(run.errors).reduce((s, n) => s + n, 0);
		// Requests started per second after the first window's burst (from the sandbox's log).
		const times = mine.map((r) => r.time).sort((a, b) => a - b);
		run.firstRequestAt = times[0];
		run.lastRequestAt = times[times.length - 1];
		const burst = times.slice(0, S.rateLimit.requests);
		run.burstMs = burst.length ? burst[burst.length - 1] - burst[0] : undefined;
		// When the 429s came, in seconds after the run's first request (window boundaries are at W, 2W, …).
		run.at429 = mine.filter((r) => r.status === 429).map((r) => Math.round((r.time - times[0]) / 100) / 10);
		run.spanMs = times.length ? times[times.length - 1] - times[0] : undefined;
		log(`  S5 run ${runs.indexOf(run) + 1}: ${run.items} items in ${(run.ms / 1000).toFixed(1)} s, ${run.requests} requests, 429 sent ${run.sandbox429}, 429 to the user ${run.user429}, other errors ${run.userErrors - run.user429}`);
	}
	for (const folder of started.folders) fs.rmSync(folder, { recursive: true, force: true });
	return { mode: S.s5Mode, runs };
}

// ---------------------------------------------------------------------------------------------
// main

async function main() {
	fs.mkdirSync(path.join(WORK, 'out'), { recursive: true });
	for (const f of fs.readdirSync(path.join(WORK, 'out'))) fs.rmSync(path.join(WORK, 'out', f), { force: true });
	log(`settings: latency ${S.latencyMs} ms, rate limit ${S.rateLimit.requests}/${S.rateLimit.windowMs / 1000}s, ${S.runs} runs, scenarios ${S.only.join(',')}`);

	const install = await n8n.ensureN8n({ quiet: true });
	log(`n8n ${n8n.N8N_VERSION} ${install.cached ? 'cached' : `installed in ${Math.round(install.ms / 1000)} s`}`);
	const build = await n8n.run('npm', ['run', 'build'], { cwd: ROOT, quiet: true });
	log(`build: ${Math.round(build.ms / 1000)} s`);

	const clients = {
		s1Ours: client('s1-ours'),
		s1Http: client('s1-http'),
		s1Bare: client('s1-bare'),
		s2Trigger: client('s2-trigger'),
		s2Bare: client('s2-bare'),
		s3: client('s3'),
		s4: client('s4'),
		s4Bare: client('s4-bare'),
		s5: Array.from({ length: S.runs }, (_, i) => client(`s5-run${i + 1}`)),
		admin: client('admin'),
	};
	const needA = wants('s1') || wants('s2') || wants('s3') || wants('s5');
	const needB = wants('s4');
	// listCacheMs: pages of one query reuse its sorted result, as a real service's index would (see test/sandbox/types.ts).
	const common = { latencyMs: S.latencyMs, rateLimit: S.rateLimit, tokenTtlSeconds: 3600, listCacheMs: 10_000 };
	const sandboxAStartedAt = Date.now();
	const [sandboxA, sandboxB] = await Promise.all([
		needA
			? U.startSandbox({
					...common,
					seed: { computers: S.computers, events: wants('s2') ? S.events : 0 },
					clients: [clients.s1Ours, clients.s1Http, clients.s1Bare, clients.s2Trigger, clients.s2Bare, clients.s3, ...clients.s5, clients.admin],
				}, { logFile: path.join(WORK, 'sandbox-a.log') })
			: undefined,
		needB
			? U.startSandbox({ ...common, seed: { computers: S.memoryComputers, events: 0 }, clients: [clients.s4, clients.s4Bare, clients.admin] }, { logFile: path.join(WORK, 'sandbox-b.log') })
			: undefined,
	]);
	if (sandboxA) log(`sandbox A ${sandboxA.url}: ${S.computers} computers, ${wants('s2') ? S.events : 0} events (seeded in ${sandboxA.seedMs} ms)`);
	if (sandboxB) log(`sandbox B ${sandboxB.url}: ${S.memoryComputers} computers (seeded in ${sandboxB.seedMs} ms)`);

	// IDs for S5 (first S.items computers) and S3 (one computer), read with the admin client.
	let s5Ids = [];
	if (wants('s5')) {
		const token = await bare.token(sandboxA.url, clients.admin.clientId, clients.admin.clientSecret);
		for (let page = 1; s5Ids.length < S.items; page++) {
			const { body } = await bare.getJson(`${sandboxA.url}/management-api/v3/Computers?${SORT_QS}&Pagination.PageNumber=${page}&Pagination.PageSize=200`, token);
			if (!body.data?.length) break;
			s5Ids.push(...body.data.map((d) => d.id));
		}
		s5Ids = s5Ids.slice(0, S.items);
		if (s5Ids.length < S.items) throw new Error(`S5 needs ${S.items} computers; the sandbox has ${s5Ids.length} (use --computers)`);
	}
	let s3Id;
	if (wants('s3')) {
		const token = await bare.token(sandboxA.url, clients.admin.clientId, clients.admin.clientSecret);
		s3Id = (await bare.getJson(`${sandboxA.url}/management-api/v3/Computers?Pagination.PageNumber=1&Pagination.PageSize=1`, token)).body.data[0].id;
	}

	const credentials = [];
	const workflows = [W.workflow(ID.wfNoop, 'Bench: no-op', [W.start()])];
	if (sandboxA) {
		credentials.push(W.credential(ID.credS1Ours, { baseUrl: sandboxA.url, ...clients.s1Ours, rateLimit: S.rateLimit }));
		credentials.push(W.credential(ID.credS1Http, { baseUrl: sandboxA.url, ...clients.s1Http, rateLimit: S.rateLimit }));
		clients.s5.forEach((cl, i) => credentials.push(W.credential(ID.credS5(i + 1), { baseUrl: sandboxA.url, ...cl, rateLimit: S.rateLimit })));
		workflows.push(W.workflow(ID.wfS1Ours, 'Bench S1: our node, Return All', [W.start(), W.oursGetMany(ID.credS1Ours)]));
		workflows.push(W.workflow(ID.wfS1Http, 'Bench S1: HTTP Request with pagination', [W.start(), W.httpPaginate(ID.credS1Http, sandboxA.url, { sortQuery: SORT_QUERY })]));
		credentials.push(W.credential(ID.credS3, { baseUrl: sandboxA.url, ...clients.s3, rateLimit: S.rateLimit }));
		workflows.push(W.workflow(ID.wfS3Sub, 'Bench S3: sub-workflow (one Computers Get)', [W.calledByAnotherWorkflow(), W.oursGet(ID.credS3, s3Id ?? 'unused')]));
		workflows.push(
			W.workflow(ID.wfS3Parent, `Bench S3: ${S.executions} executions of the sub-workflow`, [
				W.start(),
				W.code('Executions', `return Array.from({ length: ${S.executions} }, (_, i) => ({ json: { i } }));`),
				W.executeWorkflowEach(ID.wfS3Sub),
			]),
		);
		const idsCode = `const ids = ${JSON.stringify(s5Ids)};\nreturn ids.map((id) => ({ json: { id } }));`;
		clients.s5.forEach((_, i) =>
			workflows.push(
				W.workflow(ID.wfS5(i + 1), `Bench S5: ${S.items} items, Computers Get (run ${i + 1})`, [
					W.start(),
					W.code('Input Items', idsCode),
					W.oursGet(ID.credS5(i + 1), '={{ $json.id }}', { onError: 'continueRegularOutput' }),
				]),
			),
		);
	}
	if (sandboxB) {
		credentials.push(W.credential(ID.credS4, { baseUrl: sandboxB.url, ...clients.s4, rateLimit: S.rateLimit }));
		workflows.push(W.workflow(ID.wfS4, 'Bench S4: our node, Return All (memory)', [W.start(), W.oursGetMany(ID.credS4)]));
	}
	const userFolder = path.join(WORK, 'n8n');
	const packed = await prepareN8n(userFolder, credentials, workflows, wants('s3') ? [ID.wfS3Sub] : []);
	log(`n8n user folder ready (package ${packed.tgz}, ${credentials.length} credentials, ${workflows.length} workflows)`);

	const ctx = { sandboxA, sandboxB, sandboxAStartedAt, userFolder, clients };
	const results = { settings: S, machine: U.machine(), startedAt: new Date(t0).toISOString() };
	const timings = {};
	const load = {};
	const timed = async (name, fn) => {
		const started = Date.now();
		log(`${name.toUpperCase()} …`);
		const out = await fn();
		timings[name] = Date.now() - started;
		// The 1-minute load average at the end of the scenario (other processes on the machine skew timings).
		load[name] = require('node:os').loadavg()[0];
		return out;
	};
	load.start = require('node:os').loadavg()[0];

	if (wants('s1')) results.s1 = await timed('s1', () => scenario1(ctx));
	if (wants('s2')) results.s2 = await timed('s2', () => scenario2(ctx));

	// S5 is bound by the rate limit (minutes of mostly waiting at the defaults): S3 (its own API client)
	// and S4 (a second sandbox), which measure counts and memory, not time, run meanwhile.
	if (wants('s4')) ctx.s4Folder = copyUserFolder(userFolder, 'n8n-s4');
	let s5;
	const s5Started = Date.now();
	if (wants('s5')) {
		log('S5 … (S3 and S4 run meanwhile, once its first burst is through)');
		s5 = await scenario5Start(ctx);
		if (wants('s3') || wants('s4')) await waitForBurst(U.control(sandboxA.url), S.runs * Math.min(S.items, S.rateLimit.requests), s5);
	}
	// S3 and S4 count and measure memory, not time: they run side by side.
	const [s3, s4] = await Promise.all([wants('s3') ? timed('s3', () => scenario3(ctx)) : undefined, wants('s4') ? timed('s4', () => scenario4(ctx)) : undefined]);
	if (s3) results.s3 = s3;
	if (s4) results.s4 = s4;
	if (ctx.s4Folder) fs.rmSync(ctx.s4Folder, { recursive: true, force: true });
	if (s5) {
		results.s5 = await scenario5Finish(ctx, s5);
		timings.s5 = Date.now() - s5Started;
		load.s5 = require('node:os').loadavg()[0];
	}

	await U.stopSandboxes();
	results.timings = timings;
	results.load = load;
	results.retries = retries;
	results.totalMs = Date.now() - t0;
	results.install = install;
	fs.writeFileSync(path.join(WORK, 'results.json'), JSON.stringify(results, null, 2));
	log(`results in ${path.relative(ROOT, path.join(WORK, 'results.json'))}`);
	if (S.report) {
		writeReport(S.out, results);
		log(`wrote ${path.relative(ROOT, S.out)}`);
	}
	log(`done in ${Math.round((Date.now() - t0) / 1000)} s`);
}

/** Waits until the sandbox has answered `count` API requests since S5 began (its first burst), or 60 s. */
async function waitForBurst(c, count, s5) {
	const deadline = Date.now() + 60_000;
	let settled = false;
	s5.promise.then(
		() => (settled = true),
		() => (settled = true),
	);
	while (Date.now() < deadline && !settled) {
		const { apiRequests } = await c.stats();
		if (apiRequests - s5.apiBefore >= count) return;
		await U.sleep(500);
	}
}

if (args['report-from']) {
	writeReport(S.out, JSON.parse(fs.readFileSync(path.resolve(ROOT, String(args['report-from'])), 'utf8')));
	console.log(`wrote ${path.relative(ROOT, S.out)}`);
	process.exit(0);
}

main()
	.catch(async (error) => {
		console.error(`\nbench FAILED: ${error && error.stack ? error.stack : error}`);
		process.exitCode = 1;
	})
	.finally(async () => {
		await U.stopSandboxes();
		await n8n.stopAll();
	});
