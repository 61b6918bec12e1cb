'use strict';
/**
 * The "where the time goes" part of BENCHMARKS.md. Figures computed from this run are marked as such;
 * the profiles and prototypes quoted are one-off experiments (see PROFILED_ON), not re-run by the bench.
 */
const { median } = require('./util');

const PROFILED_ON = '2026-12-04';

module.exports = function analysis(r, { s1Figures, s2Figures, s4Figures, s5Figures, fmt }) {
	const { int, sec, pct, x, mib, mb } = fmt;
	const S = r.settings;
	const out = ['## Where the time goes, and what to change', ''];
	out.push(
		`Numbers in this section come from this run unless they are marked *profiled* or *prototype*: those come from one-off experiments on ${PROFILED_ON} on this machine (CPU profiles of \`n8n execute\` and of the in-process trigger; copies of the installed package patched by hand), which the bench does not repeat.`,
		'',
	);
	if (r.load) {
		const loads = Object.entries(r.load)
			.map(([k, v]) => `${k} ${v.toFixed(1)}`)
			.join(', ');
		out.push(
			`The machine has ${r.machine.cores} cores and was shared with other work while the bench ran (1-minute load average at the start and after each scenario: ${loads}). Timings vary by ±10–20 % between runs for that reason; the ratios compare runs made next to each other.`,
			'',
		);
	}

	if (r.s1) {
		const f = s1Figures(r.s1);
		const service = r.s1.bareNoLatency?.length ? median(r.s1.bareNoLatency.map((b) => b.ms)) : undefined;
		const pages = f.oursReq;
		const rounds = 1 + Math.ceil((pages - 1) / S.pageConcurrency);
		const httpPerPage = f.http / f.httpReq;
		out.push('### 1. Return All', '');
		out.push(
			`- **The HTTP Request node** fetches one page after the other: ${sec(f.http)} / ${int(f.httpReq)} pages = ${httpPerPage.toFixed(0)} ms per page, of which ${S.latencyMs} ms is the sandbox's added latency${service ? ` and about ${(service / f.bareReq).toFixed(0)} ms its own work (the bare client needs ${sec(service)} for the ${int(f.bareReq)} pages with no added latency: the sandbox sorts all ${int(S.computers)} computers for every page and serves one request at a time)` : ''}.`,
			`- **Our node** fetches page 1, then ${S.pageConcurrency} at a time: ${rounds} round trips instead of ${int(f.httpReq)}. That it is "only" ${x(f.speedup)} faster and not ~${(f.httpReq / rounds).toFixed(0)}× comes from the server side: the sandbox works through the ${S.pageConcurrency} concurrent requests of a round one by one, so a round costs about ${S.latencyMs} ms + ${S.pageConcurrency} × its per-page work. The bare client, with the same scheme, is bound the same way (${sec(f.bare)}). Against a tenant that serves pages concurrently, or with more latency, the speed-up grows (run \`--latency 100\`).`,
			`- **Against the bare client** our node takes ${((f.toBare - 1) * 100).toFixed(0)} % more time. *Profiled*: in a CPU profile of \`n8n execute\` covering our node's 2.3 s, 1.34 s were idle (waiting for the sandbox), 27 ms were our code (pagination, query building, items), and about 0.6 s were n8n's request machinery behind \`httpRequestWithAuthentication\`, per request: re-reading and decrypting the credential from the database (≈ 1.5 ms), evaluating the credential's expression-valued \`Authorization\` header through n8n 2.x's expression runtime (≈ 1.8 ms), axios and a new socket (n8n sends \`Connection: close\`) (≈ 2.6 ms); plus 0.1 s of garbage collection. The bare client spends about 1 ms per page. That CPU competes with the sandbox for the 2 cores.`,
			`- *Prototype*: the installed package patched to read the credential once per execution (passing it to \`httpRequestWithAuthentication\` as \`credentialsDecrypted\`) and to set the header with an \`authenticate\` function instead of an expression removed ≈ 3 ms of CPU per request, but the node's time did not change measurably on this shared machine (median 2.76 s vs 2.63 s unpatched, 8 pairs). So the remaining gap to the bare client is n8n's per-request cost, not our pagination; it is not worth a change in our transport on its own.`,
			'',
		);
	}

	if (r.s2) {
		const f = s2Figures(r.s2);
		const oursPerPage = f.oursMs / f.oursReq;
		const barePerPage = f.bareMs / f.bareReq;
		out.push('### 2. Trigger drain', '');
		out.push(
			`- Per request: ${oursPerPage.toFixed(0)} ms for the trigger, ${barePerPage.toFixed(0)} ms for the bare walk (both strictly sequential). The trigger also sends ${int(f.oursReq - f.bareReq)} more requests (${int(f.oursReq)} vs ${int(f.bareReq)}).`,
			`- **Extra requests**: Max Items per Poll (10,000) ends every poll inside its 11th page (the first page of a poll re-reads the 120 s overlap, so 10 pages hold a few events less than 10,000); the next poll reads that page again. That is one request in eleven.`,
			`- **Slower pages**: the next page is requested only after the poll has processed every event of the page before (the async generator is pulled by the poll loop), so the client's work per page adds to the 50 ms + server time. *Profiled*: per 1,000-event page about 10 ms in our code — the sort of each page parses both dates in every comparison (≈ 20,000 \`parseInstant\` calls per page, 3–4 ms), \`simplify\`/\`toItem\` with path-splitting getters (≈ 3 ms), the poll loop (≈ 2 ms) — and a few ms more than \`fetch\` in n8n's axios path; GC ≈ 1 s over the drain.`,
			`- *Prototype* (in-process, side by side with the bare walk): requesting the next page as soon as the current one has arrived (its StartDate, the newest \`event.ingested\`, is known then) and computing the sort keys once: drain 8.75 s instead of 9.83 s, ${x(1.25)} instead of ${x(1.41)} of the bare walk in the same pair; all 100,000 events once, in order; idle polls still 1 request. It sends one request more per poll (the prefetched page the cap does not use).`,
			'',
		);
	}

	if (r.s4) {
		const f = s4Figures(r.s4);
		out.push('### 4. Memory', '');
		out.push(
			`- n8n itself idles at ${mib(f.noop)} (a no-op workflow), ${x(f.noop / r.s4.jsonBytes, 1)} the ${mb(r.s4.jsonBytes)} of data: measured absolutely, no node could meet "≤ 3× the JSON" here. While our node runs, RSS grows by ${mib(f.during - f.before)} = ${x(f.growth, 1)} the JSON: the 100,000 parsed objects (V8 objects take 2–3× their JSON text) plus n8n's item wrappers. Our node keeps at most ${S.pageConcurrency} pages in flight and adds each page's items to the result as it arrives; it then builds the \`{ json, pairedItem }\` list from that array, so for a moment both arrays of 100,000 references exist (a few MB, not a multiple).`,
			`- The peak of the whole \`n8n execute\` (${mib(f.overall)}) comes after the node: n8n saves the execution (all 100,000 items, serialised with \`flatted\`) and the \`execute\` command prints the run as indented JSON. Those are n8n's own and happen for any node returning this much; a user who needs 100,000 items in one execution should expect about 1.5 GB peak on n8n 2.40.`,
			'',
		);
	}

	if (r.s5) {
		const f = s5Figures(r.s5, S);
		const at = r.s5.runs.flatMap((run) => run.at429 ?? []);
		const W = S.rateLimit.windowMs / 1000;
		out.push('### 5. Many items under the rate limit', '');
		out.push(
			`- No 429 reached the user: every 429 the sandbox sent (${f.sandbox429} over the ${r.s5.runs.length} runs) was retried after its Retry-After. But the node took ${sec(f.ms, 0)} where the limit allows about ${sec(f.idealMs, 0)} (${(f.efficiency * 100).toFixed(0)} %).`,
			`- The 429s came at the window boundaries: ${at.length ? `${[...new Set(at)].sort((a, b) => a - b).slice(0, 12).map((t) => `${t} s`).join(', ')} after a run's first request (window = ${W} s)` : 'none this run'}. Our limiter counts a request when it *starts*; the sandbox, like the API, counts it when it *arrives* (after the latency and any queueing). Request *k* + ${int(S.rateLimit.requests)} is sent exactly one window after request *k* was sent, but can arrive less than one window after request *k* arrived, when *k* was delayed more (the first window's burst queues). Each 429 then costs a second slot in our limiter for its retry, so the last few of the ${int(S.items)} requests spill into one more window: +${W} s.`,
			`- *Prototype*: the installed package with 500 ms added to the limiter's window, at 1/10 scale (300 items, limit 100 per 10 s, sequential runs): 0 429s and 22.2 s / 22.5 s, against 2 and 10 429s and 30.3 s / 31.3 s unpatched.`,
			'',
		);
	}

	out.push('### Suggested changes (not made: nodes/ is outside this task)', '');
	const suggestions = [];
	if (r.s5) {
		suggestions.push(
			'**Rate limiter (`nodes/shared/transport/rateLimiter.ts`, `request.ts`)** — biggest effect (S5: ~300 s → ~210 s at the defaults): (a) start a slot\'s window when the response arrives, not when the request starts (the server has counted the request by then), or at least add a margin of max(500 ms, 1 % of the window) in `reserve()`; (b) when the answer is 429, hand the slot back (`release()`), since the server did not count that request — today the retry takes a second slot.',
		);
	}
	if (r.s2) {
		suggestions.push(
			'**Trigger drain (`nodes/shared/trigger/read.ts`, `poll.ts`)**: (a) in `readFromStartDate`, start the request for the next page before yielding the current page\'s events (prototype: −11 % drain time); (b) end a poll on a page boundary — do not request a page that Max Items per Poll will cut (e.g. pass the remaining allowance to `readStream` and stop, or ask for `RecordSize` = remaining + a small margin), which saves ~1 request in 11 and makes prefetching free; (c) sort each page on precomputed keys and skip the sort when the page is already in order (it is, from the API); (d) precompile the `get` paths in `streams.ts` `simplify`. Together these should bring the drain within ~10–15 % of the bare walk.',
		);
	}
	if (r.s1) {
		suggestions.push(
			'**Per-request n8n cost (optional, low priority)**: pass the credential read once per execution to `httpRequestWithAuthentication` (`credentialsDecrypted`) and give the credential an `authenticate` function instead of the expression header. Saves ≈ 3 ms CPU per request in n8n (useful on a busy instance), but no measurable wall-time gain here.',
		);
	}
	suggestions.push(
		'**Sandbox (`test/sandbox/listing.ts`)**: every list request sorts the whole collection (≈ 10 ms per page at 20,000 computers, ≈ 60–90 ms at 100,000), which makes the sandbox, not the client, the bottleneck of S1 and makes S4 take ~50 s per run. Caching the sorted view per (collection version, sort) would make the sandbox behave more like the indexed API and shorten the bench by about 2 minutes.',
		'**Sandbox CLI (`test/sandbox/cli.ts`)**: it serves one API client; the bench needs one per variant (separate rate-limit windows), so it starts the sandbox through `scripts/bench/sandbox-server.js`. With a `--clients N` option the bench could use `scripts/n8n/install.js`\'s `startSandbox` instead.',
	);
	suggestions.forEach((s, i) => out.push(`${i + 1}. ${s}`));
	return out.join('\n');
};
