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
			`- **The HTTP Request node** fetches one page after the other: ${sec(f.http)} / ${int(f.httpReq)} pages = ${httpPerPage.toFixed(0)} ms per page, of which ${S.latencyMs} ms is the sandbox's added latency${service ? ` and about ${(service / f.bareReq).toFixed(0)} ms its own work (the bare client needs ${sec(service)} for the ${int(f.bareReq)} pages with no added latency; the sandbox sorts the ${int(S.computers)} computers once per query and keeps the result for the following pages, as an indexed service would, and serves one request at a time)` : ''}.`,
			`- **Our node** fetches page 1, then ${S.pageConcurrency} at a time: ${rounds} round trips instead of ${int(f.httpReq)}. That it is "only" ${x(f.speedup)} faster and not ~${(f.httpReq / rounds).toFixed(0)}× comes from the server side: the sandbox works through the ${S.pageConcurrency} concurrent requests of a round one by one, so a round costs about ${S.latencyMs} ms + ${S.pageConcurrency} × its per-page work. The bare client, with the same scheme, is bound the same way (${sec(f.bare)}). Against a tenant that serves pages concurrently, or with more latency, the speed-up grows (run \`--latency 100\`).`,
			`- **Against the bare client** our node takes ${((f.toBare - 1) * 100).toFixed(0)} % more time. *Profiled* (before the sandbox kept sorted lists, when our node took 2.3 s): in a CPU profile of \`n8n execute\`, 1.34 s were idle (waiting for the sandbox), 27 ms were our code (pagination, query building, items), and about 0.6 s were n8n's request machinery behind \`httpRequestWithAuthentication\`, per request: re-reading and decrypting the credential from the database (≈ 1.5 ms), evaluating the credential's expression-valued \`Authorization\` header through n8n 2.x's expression runtime (≈ 1.8 ms), axios and a new socket (n8n sends \`Connection: close\`) (≈ 2.6 ms); plus 0.1 s of garbage collection. The bare client spends about 1 ms per page. That CPU competes with the sandbox for the 2 cores.`,
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
			`- **Extra requests**: Max Items per Poll (10,000) ends every poll inside its 11th page (the first page of a poll re-reads the overlap, so 10 pages hold a few events less than 10,000); the next poll reads that page again, and the page the trigger already requested ahead of time is not used. That is about one request in ten.`,
			`- **Done since the first measurement** (drain then took +39 %): the trigger requests the next FromStartDate page as soon as the current one has arrived (its StartDate, the newest \`event.ingested\`, is known then), so processing a page overlaps the next request; each page's dates are parsed once and not sorted when the API already returned them in order.`,
			`- **What is left** (*profiled*): per 1,000-event page a few ms in the poll loop (\`simplify\`/\`toItem\` with path-splitting getters, the seen-ID set, the item wrappers), a few ms more than \`fetch\` in n8n's axios path, and garbage collection; the first page of every poll is not overlapped.`,
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
			`- 429s at the window boundaries: ${at.length ? `${[...new Set(at)].sort((a, b) => a - b).slice(0, 12).map((t) => `${t} s`).join(', ')} after a run's first request (window = ${W} s)` : 'none this run'}. Our limiter counts a request when it *starts*; the API counts it when it *arrives*. The limiter therefore frees a slot one window plus a margin (max(250 ms, 1 % of the window)) after the start it replaces. Before that margin, the first measurement saw 27 429s and 304 s for this scenario (66 % of the limit): each 429's retry took a second slot and the last requests spilled into one more window.`,
			'',
		);
	}

	out.push('### What could still be changed', '');
	const suggestions = [];
	if (r.s5) {
		suggestions.push(
			'**Rate limiter**: when the answer is 429, hand the slot back (the server did not count that request); today its retry takes a second slot.',
		);
	}
	if (r.s2) {
		suggestions.push(
			'**Trigger drain (`nodes/shared/trigger/read.ts`, `poll.ts`, `streams.ts`)**: end a poll on a page boundary without tiny last pages (tried: asking for `RecordSize` = the remaining allowance made the drain worse, 132 requests and +47 %, because the first page of a poll re-reads the overlap and the last pages shrink to a few events; reverted) and precompile the `get` paths of `simplify`.',
		);
	}
	if (r.s1) {
		suggestions.push(
			'**Per-request n8n cost (optional, low priority)**: pass the credential read once per execution to `httpRequestWithAuthentication` (`credentialsDecrypted`) and give the credential an `authenticate` function instead of the expression header. Saves ≈ 3 ms CPU per request in n8n (useful on a busy instance), but no measurable wall-time gain here.',
		);
	}
	suggestions.push(
		'**Sandbox CLI (`test/sandbox/cli.ts`)**: it serves one API client; the bench needs one per variant (separate rate-limit windows), so it starts the sandbox through `scripts/bench/sandbox-server.js`. With a `--clients N` option the bench could use `scripts/n8n/install.js`\'s `startSandbox` instead.',
	);
	suggestions.forEach((s, i) => out.push(`${i + 1}. ${s}`));
	return out.join('\n');
};
