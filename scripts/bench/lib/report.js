'use strict';
/**
 * BENCHMARKS.md from the results of one `npm run bench` (.bench/results.json has the same numbers raw).
 */
const fs = require('node:fs');

const { median, spread } = require('./util');

const GOALS = {
	s1Speedup: 3,
	s1Overhead: 0.15,
	s2Overhead: 0.15,
	s4Factor: 3,
};

const int = (n) => (n === undefined || Number.isNaN(n) ? '–' : Math.round(n).toLocaleString('en-US'));
const sec = (ms, d = 2) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(d)} s`);
const pct = (r) => (r === undefined ? '–' : `${r >= 0 ? '+' : '−'}${Math.abs(r * 100).toFixed(0)} %`);
const x = (r, d = 2) => (r === undefined ? '–' : `${r.toFixed(d)}×`);
const mib = (b) => (b === undefined ? '–' : `${Math.round(b / 1048576).toLocaleString('en-US')} MiB`);
const mb = (b) => (b === undefined ? '–' : `${(b / 1e6).toFixed(1)} MB`);
const ok = (met) => (met === undefined ? '–' : met ? '**met**' : '**missed**');
const range = (values, fmt) => {
	const s = spread(values);
	return s ? `${fmt(s.min)} – ${fmt(s.max)}` : '–';
};

/** Ratios of runs made side by side (run i of A with run i of B), then their median. */
const pairRatios = (a, b, key = 'ms') => a.map((r, i) => (b[i] ? r[key] / b[i][key] : undefined)).filter((v) => v !== undefined);

function s1Figures(s1) {
	const ours = median(s1.ours.map((r) => r.ms));
	const http = median(s1.http.map((r) => r.ms));
	const bareMs = median(s1.bare.map((r) => r.ms));
	const speedup = median(pairRatios(s1.http, s1.ours));
	const toBare = median(pairRatios(s1.ours, s1.bare));
	const noopWall = median(s1.noop.map((r) => r.wallMs));
	return {
		ours,
		http,
		bare: bareMs,
		speedup,
		toBare,
		oursReq: median(s1.ours.map((r) => r.requests)),
		httpReq: median(s1.http.map((r) => r.requests)),
		bareReq: median(s1.bare.map((r) => r.requests)),
		oursItems: median(s1.ours.map((r) => r.items)),
		httpItems: median(s1.http.map((r) => r.items)),
		oursWallMinusNoop: median(s1.ours.map((r) => r.wallMs)) - noopWall,
		httpWallMinusNoop: median(s1.http.map((r) => r.wallMs)) - noopWall,
		noopWall,
		tokens: s1.ours.concat(s1.http).reduce((s, r) => s + (r.tokens ?? 0), 0),
		executions: s1.ours.length + s1.http.length + s1.noop.length,
	};
}

function s2Figures(s2) {
	const oursRate = median(s2.ours.map((r) => r.eventsPerSecond));
	const bareRate = median(s2.bare.map((r) => r.eventsPerSecond));
	const slower = median(pairRatios(s2.ours, s2.bare)) - 1;
	const idle = s2.ours.flatMap((r) => r.idle.map((p) => p.requests));
	return {
		oursRate,
		bareRate,
		slower,
		oursMs: median(s2.ours.map((r) => r.ms)),
		bareMs: median(s2.bare.map((r) => r.ms)),
		oursReq: median(s2.ours.map((r) => r.requests)),
		bareReq: median(s2.bare.map((r) => r.requests)),
		polls: median(s2.ours.map((r) => r.polls)),
		events: median(s2.ours.map((r) => r.events)),
		unique: Math.min(...s2.ours.map((r) => r.unique)),
		bareEvents: median(s2.bare.map((r) => r.events)),
		idle,
		idleMedian: median(idle),
		idleMs: median(s2.ours.flatMap((r) => r.idle.map((p) => p.ms))),
		pollRates: s2.ours.flatMap((r) => r.perPoll.map((p) => p.eventsPerSecond)),
	};
}

function s4Figures(s4) {
	const during = median(s4.runs.map((r) => r.peakDuringNode));
	const overall = median(s4.runs.map((r) => r.peakOverall));
	const before = median(s4.runs.map((r) => r.rssBeforeNode));
	const noop = median(s4.runs.map((r) => r.noopPeakRss));
	const growth = median(s4.runs.map((r) => (r.peakDuringNode - r.rssBeforeNode) / s4.jsonBytes));
	return {
		during,
		overall,
		before,
		noop,
		growth,
		absolute: during / s4.jsonBytes,
		overallFactor: overall / s4.jsonBytes,
		overallGrowth: (overall - before) / s4.jsonBytes,
		ms: median(s4.runs.map((r) => r.ms)),
	};
}

function s5Figures(s5, settings) {
	const { requests: L, windowMs: Wms } = settings.rateLimit;
	const N = settings.items;
	const idealMs = (Math.ceil(N / L) - 1) * Wms;
	const ms = median(s5.runs.map((r) => r.ms));
	return {
		ms,
		idealMs,
		throughput: median(s5.runs.map((r) => r.items / (r.ms / 1000))),
		idealThroughput: idealMs ? N / (idealMs / 1000) : undefined,
		efficiency: idealMs ? median(s5.runs.map((r) => idealMs / r.ms)) : undefined,
		user429: s5.runs.reduce((s, r) => s + r.user429, 0),
		userErrors: s5.runs.reduce((s, r) => s + r.userErrors, 0),
		sandbox429: s5.runs.reduce((s, r) => s + r.sandbox429, 0),
		requests: median(s5.runs.map((r) => r.requests)),
		burstMs: median(s5.runs.map((r) => r.burstMs)),
		items: median(s5.runs.map((r) => r.items)),
	};
}

function summaryTable(r) {
	const S = r.settings;
	const rows = [];
	if (r.s1) {
		const f = s1Figures(r.s1);
		rows.push(
			`| 1 | Return All, ${int(S.computers)} computers (pages of ${S.pageSize}) | time of the node in n8n | **${sec(f.ours)}**, ${int(f.oursReq)} requests | HTTP Request node: ${sec(f.http)}, ${int(f.httpReq)} requests | **${x(f.speedup)} faster** | ≥ ${GOALS.s1Speedup}× | ${ok(f.speedup >= GOALS.s1Speedup)} |`,
			`| 1 | 〃 | 〃 | 〃 | bare fetch, ${S.pageConcurrency} pages at a time: ${sec(f.bare)}, ${int(f.bareReq)} requests | **${x(f.toBare)}** of bare (${pct(f.toBare - 1)}) | ≤ +${GOALS.s1Overhead * 100} % | ${ok(f.toBare - 1 <= GOALS.s1Overhead)} |`,
		);
	}
	if (r.s2) {
		const f = s2Figures(r.s2);
		rows.push(
			`| 2 | Trigger backlog drain, ${int(S.events)} events | events per second over the polls | **${int(f.oursRate)}/s** (${int(f.polls)} polls, ${int(f.oursReq)} requests) | bare FromStartDate walk: ${int(f.bareRate)}/s (${int(f.bareReq)} requests) | **${pct(f.slower)}** time | ≤ +${GOALS.s2Overhead * 100} % | ${ok(f.slower <= GOALS.s2Overhead)} |`,
			`| 2 | Idle poll (nothing new) | requests per poll | **${f.idleMedian}** (all ${f.idle.length} idle polls: ${[...new Set(f.idle)].join(', ')}) | – | – | 1 | ${ok(f.idle.every((n) => n === 1))} |`,
		);
	}
	if (r.s3) {
		rows.push(
			`| 3 | Token reuse, ${int(r.s3.executions)} executions | token requests | **${r.s3.tokenRequests}** (${int(r.s3.apiRequests)} API requests) | – | – | 1 | ${ok(r.s3.tokenRequests === 1 && r.s3.executions === S.executions)} |`,
		);
	}
	if (r.s4) {
		const f = s4Figures(r.s4);
		rows.push(
			`| 4 | Memory, Return All of ${int(r.s4.items)} items | peak RSS of n8n while the node runs | **${mib(f.during)}** (n8n before the node: ${mib(f.before)}) | JSON of the items: ${mb(r.s4.jsonBytes)} | growth **${x(f.growth, 1)}** the JSON (absolute ${x(f.absolute, 1)}) | ≤ ${GOALS.s4Factor}× | ${ok(f.growth <= GOALS.s4Factor)} on growth, ${ok(f.absolute <= GOALS.s4Factor)} absolute |`,
		);
	}
	if (r.s5) {
		const f = s5Figures(r.s5, S);
		rows.push(
			`| 5 | ${int(S.items)} items in, each a Computers Get, limit ${S.rateLimit.requests}/${S.rateLimit.windowMs / 1000} s | time, throughput | **${sec(f.ms, 1)}**, ${f.throughput.toFixed(1)} items/s | the limit allows ${sec(f.idealMs, 0)} at best (${f.idealThroughput ? f.idealThroughput.toFixed(1) : '–'}/s) | **${(f.efficiency * 100).toFixed(1)} %** of the limit | 0 429s to the user | ${ok(f.user429 === 0 && f.userErrors === 0)}: ${f.user429} to the user, ${f.sandbox429} sent by the sandbox |`,
		);
	}
	return [
		'| # | Scenario | Measure | Our node | Compared with | Result | Goal | Goal met? |',
		'|---|---|---|---|---|---|---|---|',
		...rows,
	].join('\n');
}

function machineSection(r) {
	const m = r.machine;
	return [
		'| | |',
		'|---|---|',
		`| CPU | ${m.cpu} |`,
		`| Cores | ${m.cores} (shared by n8n, the sandbox and the clients) |`,
		`| RAM | ${(m.ramBytes / 1073741824).toFixed(1)} GiB |`,
		`| OS | ${m.os} |`,
		`| n8n | ${m.n8n} (\`n8n execute\`, SQLite, regular execution mode) on Node.js ${m.nodeN8n ?? '?'} |`,
		`| In-process runs (S2) | n8n-core ${m.n8nCore ?? '?'}, n8n-workflow ${m.n8nWorkflow ?? '?'} on Node.js ${m.nodeBench} |`,
		`| Bare client | Node.js's own \`fetch\`: on Node.js ${m.nodeN8n ?? '?'} next to n8n (S1), on ${m.nodeBench} in the same process as the trigger (S2) |`,
	].join('\n');
}

function settingsSection(r) {
	const S = r.settings;
	return [
		`- Sandbox: \`test/sandbox\` in its own process on 127.0.0.1, **${S.latencyMs} ms** added to every API response (\`--latency\`), rate limit **${S.rateLimit.requests} requests per ${S.rateLimit.windowMs / 1000} s** per API client (sliding window, 429 with Retry-After), tokens valid 1 h; a list query's filtered, sorted result is kept 10 s for its following pages (\`listCacheMs\`), as an indexed service would.`,
		`- Our credential: the same rate limit (${S.rateLimit.requests} per ${S.rateLimit.windowMs / 1000} s), client credentials.`,
		`- Every figure is the **median of ${S.runs} runs**; ratios are the median of the ratios of runs made side by side (run *i* of one variant with run *i* of the other, alternating which goes first). The first round of S1 and a first poll/page of S2 are warm-ups and not counted.`,
		`- Each measured API client starts a run with a full rate-limit window (the sandbox's window is reset before each run, as after a quiet period; each variant has its own API client).`,
		`- S1: ${int(S.computers)} computers, pages of ${S.pageSize}; our node fetches ${S.pageConcurrency} pages at a time after the first (\`DEFAULT_PAGE_CONCURRENCY\`). The node's time is its \`executionTime\` in n8n's run data (\`n8n execute --id … --rawOutput\`); the HTTP Request node (v4.2) uses "Update a Parameter in Each Request" (\`Pagination.PageNumber\` = \`{{ $pageCount + 1 }}\`), completes when \`{{ $response.body.pageNumber >= $response.body.pageCount }}\`, and is authenticated with our credential as the predefined credential type \`beyondTrustPmCloudApi\`. It asks for the same pages as our node, including the sort our node adds (\`Sorts[0].by=created&Sorts[0].order=asc\`, for stable paging). It outputs one item per page (100), not per computer: splitting them would cost it more, which is not counted.`,
		`- S2: ${int(S.events)} client events spread over the 7 days before the sandbox started; the trigger (event New Client Event, Start From = a date before the backlog, default Max Items per Poll 10,000, default overlap 120 s) is polled through n8n-core's real \`PollContext\` (test/helpers/n8n.ts) until a poll emits nothing, then polled again for idle polls. Events per second = events emitted / the summed time of the polls that emitted. The bare client walks \`Events/FromStartDate\` with \`RecordSize=1000\` sequentially.`,
		`- S3: one \`n8n execute\` of a workflow whose Execute Workflow node (Run once for each item) runs a published sub-workflow with one Computers Get ${int(S.executions)} times: ${int(S.executions)} separate executions in one n8n process, each reading the credential (and its stored token) from n8n's database. The credential starts without a token.`,
		`- S4: ${int(S.memoryComputers)} computers on a second sandbox. RSS of the n8n process is sampled from /proc every 50 ms; "while the node runs" is the node's start time to start + executionTime in the run data. "Before the node" is the last sample before it started; the no-op is a workflow with only a Manual Trigger.`,
		`- n8n 2.40.7 on Node.js 24 sometimes crashes with SIGSEGV while \`n8n execute\` shuts down, after the run is complete and printed: such a run counts; one that ended by a signal before completing runs again. This time: ${r.retries?.length ? r.retries.map((t) => `${t.label} (${t.signal}, ${t.complete ? 'run complete' : 'run again'})`).join(', ') : 'none'}.`,
		`- S5: ${int(S.items)} computer IDs from a Code node into Computers Get (Settings: On Error = Continue, so every failed item would show as an error item). The ${S.runs} runs use separate API clients and n8n processes and run ${r.s5?.mode === 'sequential' ? 'one after another' : 'at the same time (each with its own rate-limit window, like separate tenants), to keep the bench short; S3 (with an API client of its own) and S4 (on a second sandbox) run while S5 waits on the rate limit'}.`,
	].join('\n');
}

function s1Detail(s1) {
	const f = s1Figures(s1);
	const rows = s1.ours.map(
		(o, i) =>
			`| ${i + 1} | ${sec(o.ms)} (${int(o.items)} items, ${o.requests} req) | ${sec(s1.http[i]?.ms)} (${int(s1.http[i]?.items)} items, ${s1.http[i]?.requests} req) | ${sec(s1.bare[i]?.ms)} (${int(s1.bare[i]?.items)} items) | ${x(s1.http[i]?.ms / o.ms)} | ${x(o.ms / s1.bare[i]?.ms)} |`,
	);
	return [
		'| Run | Our node | HTTP Request | Bare fetch | HTTP ÷ ours | ours ÷ bare |',
		'|---|---|---|---|---|---|',
		...rows,
		`| **Median** | **${sec(f.ours)}** | **${sec(f.http)}** | **${sec(f.bare)}** | **${x(f.speedup)}** | **${x(f.toBare)}** |`,
		'',
		`Cross-check with whole processes: \`n8n execute\` of the same workflows minus a no-op workflow (${sec(f.noopWall, 1)}) gives ${sec(f.oursWallMinusNoop, 1)} for our node and ${sec(f.httpWallMinusNoop, 1)} for the HTTP Request node (this includes printing the run data, 20,000 items vs 100). Token requests during these ${f.executions} measured \`n8n execute\` processes: ${f.tokens} (the token fetched in the warm-up round is stored in the credential and reused by every later process).`,
	].join('\n');
}

function s2Detail(s2) {
	const f = s2Figures(s2);
	const rows = s2.ours.map(
		(o, i) =>
			`| ${i + 1} | ${int(o.events)} events (${int(o.unique)} distinct) in ${o.polls} polls, ${sec(o.ms)}, ${o.requests} req | ${int(o.eventsPerSecond)}/s | ${int(s2.bare[i]?.events)} events, ${sec(s2.bare[i]?.ms)}, ${s2.bare[i]?.requests} req | ${int(s2.bare[i]?.eventsPerSecond)}/s | ${pct(o.ms / s2.bare[i]?.ms - 1)} | ${o.idle.map((p) => `${p.requests} req / ${p.ms} ms`).join(', ')} |`,
	);
	const polls = s2.ours[0]?.perPoll ?? [];
	return [
		'| Run | Trigger | Trigger rate | Bare walk | Bare rate | Trigger time vs bare | Idle polls |',
		'|---|---|---|---|---|---|---|',
		...rows,
		`| **Median** | ${sec(f.oursMs)} | **${int(f.oursRate)}/s** | ${sec(f.bareMs)} | **${int(f.bareRate)}/s** | **${pct(f.slower)}** | ${f.idleMedian} req, ${f.idleMs} ms |`,
		'',
		`Polls of run 1: ${polls.map((p) => `${int(p.items)} in ${p.ms} ms (${p.requests} req)`).join('; ')}. Rate per poll over all runs: ${range(f.pollRates, int)} events/s.`,
	].join('\n');
}

function s4Detail(s4) {
	const f = s4Figures(s4);
	const rows = s4.runs.map(
		(r, i) =>
			`| ${i + 1} | ${int(r.items)} in ${sec(r.ms, 1)} (${r.requests} req) | ${mib(r.noopPeakRss)} | ${mib(r.rssBeforeNode)} | ${mib(r.peakDuringNode)} | ${x((r.peakDuringNode - r.rssBeforeNode) / s4.jsonBytes, 1)} | ${mib(r.peakOverall)} |`,
	);
	return [
		`JSON of the ${int(s4.items)} items as the API returns them (\`JSON.stringify\` of each): **${mb(s4.jsonBytes)}**.`,
		'',
		'| Run | Items, node time | Peak RSS, no-op workflow | RSS before the node | Peak RSS while the node runs | Growth ÷ JSON | Peak RSS of the whole `n8n execute` |',
		'|---|---|---|---|---|---|---|',
		...rows,
		`| **Median** | ${sec(f.ms, 1)} | ${mib(f.noop)} | ${mib(f.before)} | **${mib(f.during)}** | **${x(f.growth, 1)}** | ${mib(f.overall)} (${x(f.overallFactor, 1)} the JSON) |`,
	].join('\n');
}

function s5Detail(s5, S) {
	const f = s5Figures(s5, S);
	const rows = s5.runs.map(
		(r, i) =>
			`| ${i + 1} | ${int(r.items)} items, ${sec(r.ms, 1)} | ${(r.items / (r.ms / 1000)).toFixed(1)}/s | ${r.requests} (${r.ok} OK) | ${sec(r.burstMs, 1)} | ${r.sandbox429} | ${r.user429} (other errors: ${r.userErrors - r.user429}) |`,
	);
	return [
		'| Run | Node | Throughput | Requests the sandbox saw | First window\'s requests sent in | 429s sent by the sandbox | 429s that reached the user |',
		'|---|---|---|---|---|---|---|',
		...rows,
		`| **Median / total** | **${sec(f.ms, 1)}** | **${f.throughput.toFixed(1)}/s** | ${int(f.requests)} | ${sec(f.burstMs, 1)} | **${f.sandbox429}** | **${f.user429}** |`,
		'',
		`With a sliding window of ${int(S.rateLimit.requests)} per ${S.rateLimit.windowMs / 1000} s, request *k* can start no earlier than one window after request *k* − ${int(S.rateLimit.requests)}: ${int(S.items)} requests need at least ${sec(f.idealMs, 0)} (${int(S.rateLimit.requests)} at once, then the next ${int(S.rateLimit.requests)} one window later, …), i.e. ${f.idealThroughput ? f.idealThroughput.toFixed(1) : '–'} items/s on average and ${(S.rateLimit.requests / (S.rateLimit.windowMs / 1000)).toFixed(0)}/s in the long run. Our node reached **${(f.efficiency * 100).toFixed(1)} %** of that.`,
	].join('\n');
}

function loadNote(r) {
	const values = Object.values(r.load ?? {});
	if (!values.length) return '';
	return ` While it ran, the 1-minute load average of the ${r.machine.cores}-core machine was ${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)} (other work shares this machine; busier runs give slower and noisier timings).`;
}

function writeReport(file, r, { analysis = require('./analysis') } = {}) {
	const S = r.settings;
	const parts = [
		'# Benchmarks',
		'',
		`Measured by \`npm run bench\` (scripts/bench/run.js) on ${r.startedAt.slice(0, 10)}; the whole run took ${Math.floor(r.totalMs / 60000)} min ${Math.round((r.totalMs % 60000) / 1000)} s${r.install?.cached ? ' (n8n already installed in .cache/)' : ` including the n8n install (${Math.round((r.install?.ms ?? 0) / 1000)} s)`}. The file is written by the bench: re-run it rather than editing the numbers. Raw numbers: \`.bench/results.json\`.${loadNote(r)}`,
		'',
		'## Results',
		'',
		summaryTable(r),
		'',
		'## Machine',
		'',
		machineSection(r),
		'',
		'## Settings',
		'',
		settingsSection(r),
		'',
	];
	if (r.s1) parts.push('## 1. Return All of a large list', '', s1Detail(r.s1), '');
	if (r.s2) parts.push('## 2. Trigger backlog drain and idle poll', '', s2Detail(r.s2), '');
	if (r.s3) {
		parts.push(
			'## 3. Token reuse',
			'',
			`${int(r.s3.executions)} executions (${r.s3.mode}): **${r.s3.tokenRequests} token request(s)** and ${int(r.s3.apiRequests)} API requests, in ${sec(r.s3.ms, 1)}.`,
			'',
		);
	}
	if (r.s4) parts.push('## 4. Memory of a Return All', '', s4Detail(r.s4), '');
	if (r.s5) parts.push('## 5. Many items in, under the rate limit', '', s5Detail(r.s5, S), '');
	parts.push(analysis(r, { s1Figures, s2Figures, s4Figures, s5Figures, fmt: { int, sec, pct, x, mib, mb } }), '');
	parts.push(
		'## Running it',
		'',
		'```',
		'npm ci',
		'npm run bench                      # all scenarios, about 8 minutes (plus about 3 minutes the first time, to install n8n)',
		'npm run bench -- --latency 100     # or BENCH_LATENCY_MS=100',
		'npm run bench -- --runs 5 --only s1,s2 --out /tmp/bench.md',
		'```',
		'',
		'Other flags: `--rate-limit 1000/100`, `--computers`, `--events`, `--memory-computers`, `--items`, `--executions`, `--s5 sequential` (S5\'s runs one after another: 3.5–5 minutes each at the defaults), `--no-report`. Work files go to `.bench/` (git-ignored).',
	);
	fs.writeFileSync(file, `${parts.join('\n')}\n`);
}

module.exports = { writeReport, s1Figures, s2Figures, s4Figures, s5Figures };
