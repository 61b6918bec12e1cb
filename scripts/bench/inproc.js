#!/usr/bin/env node
'use strict';
/**
 * Measurements that drive our nodes in-process through n8n-core's real engine, exactly like the tests
 * (test/helpers/n8n.ts: WorkflowExecute for action nodes, PollContext for the trigger), side by side
 * with the bare client (lib/bare.js) in the same process and Node.js.
 *
 *   node scripts/bench/inproc.js '{"task":"drain"|"list"|"token", ...}'
 *
 * Prints one JSON line with the result.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

// The jest-like environment of test/setup/env.ts, before any n8n module reads its configuration.
process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'pmcloud-bench-'));
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_SSRF_PROTECTION_ENABLED = 'false';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.TS_NODE_PROJECT = path.join(ROOT, 'tsconfig.test.json');
require('ts-node').register({ transpileOnly: true, project: path.join(ROOT, 'tsconfig.test.json') });

const { createHarness, makeNode, runPoll, runNode } = require(path.join(ROOT, 'test', 'helpers', 'n8n'));
const bare = require('./lib/bare');

const o = JSON.parse(process.argv[2] || '{}');
const credentialFor = (client) => ({
	baseUrl: o.baseUrl,
	authentication: 'clientCredentials',
	clientId: client.clientId,
	clientSecret: client.clientSecret,
	rateLimitRequests: o.rateLimit.requests,
	rateLimitWindowSeconds: Math.round(o.rateLimit.windowMs / 1000),
});

async function controlCall(method, route, body) {
	const res = await fetch(`${o.baseUrl}/__sandbox/${route}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return await res.json();
}
const requestsOf = async (clientId) => (await controlCall('GET', 'stats')).requestsPerClient?.[clientId] ?? 0;
const tokenRequests = async () => (await controlCall('GET', 'stats')).tokenRequests ?? 0;
const resetRateLimit = () => controlCall('POST', 'faults', { rateLimit: o.rateLimit });

/** Trigger backlog drain vs the bare FromStartDate walk, alternating, `runs` times each (plus one warm-up). */
async function drain() {
	const { BeyondTrustPmCloudTrigger } = require(path.join(ROOT, 'nodes', 'BeyondTrustPmCloudTrigger', 'BeyondTrustPmCloudTrigger.node.ts'));
	const trigger = new BeyondTrustPmCloudTrigger();
	const harness = createHarness([trigger], credentialFor(o.triggerClient));
	const parameters = { event: 'newClientEvent', startFrom: 'date', startDate: o.startDate, options: {} };
	const node = makeNode(trigger, parameters, { name: 'PM Cloud Trigger' });
	const accessToken = await bare.token(o.baseUrl, o.bareClient.clientId, o.bareClient.clientSecret);

	// Warm-up (not reported): the trigger's token and a first poll, one bare page.
	await runPoll(harness, node, {}, 'manual');
	await bare.getJson(`${o.baseUrl}/management-api/v3/Events/FromStartDate?StartDate=${encodeURIComponent(o.startDate)}&RecordSize=1000`, accessToken);

	const ours = [];
	const bares = [];
	const runOurs = async () => {
		await resetRateLimit();
		let staticData = {};
		const polls = [];
		const ids = new Set();
		let emitted = 0;
		for (let i = 0; i < o.maxPolls; i++) {
			const before = await requestsOf(o.triggerClient.clientId);
			const t0 = performance.now();
			const run = await runPoll(harness, node, staticData);
			const ms = performance.now() - t0;
			const requests = (await requestsOf(o.triggerClient.clientId)) - before;
			if (run.error) throw new Error(`poll ${i + 1} failed: ${run.error.message} ${run.error.description ?? ''}`);
			staticData = run.staticData;
			const items = run.result?.[0] ?? [];
			for (const item of items) ids.add(item.json.eventId);
			emitted += items.length;
			polls.push({ ms, items: items.length, requests });
			if (!items.length) {
				// The backlog is drained: this and a few more polls are idle polls.
				for (let k = 0; k < (o.idlePolls ?? 3) - 1; k++) {
					const b = await requestsOf(o.triggerClient.clientId);
					const t1 = performance.now();
					const idle = await runPoll(harness, node, staticData);
					const idleMs = performance.now() - t1;
					if (idle.error) throw idle.error;
					staticData = idle.staticData;
					polls.push({ ms: idleMs, items: idle.result?.[0]?.length ?? 0, requests: (await requestsOf(o.triggerClient.clientId)) - b });
				}
				break;
			}
		}
		const busy = polls.filter((p) => p.items > 0);
		const idle = polls.filter((p) => p.items === 0);
		const busyMs = busy.reduce((s, p) => s + p.ms, 0);
		return {
			events: emitted,
			unique: ids.size,
			polls: busy.length,
			ms: busyMs,
			eventsPerSecond: emitted / (busyMs / 1000),
			requests: busy.reduce((s, p) => s + p.requests, 0),
			perPoll: busy.map((p) => ({ ms: Math.round(p.ms), items: p.items, requests: p.requests, eventsPerSecond: Math.round(p.items / (p.ms / 1000)) })),
			idle: idle.map((p) => ({ ms: Math.round(p.ms), requests: p.requests, items: p.items })),
		};
	};
	const runBare = async () => {
		await resetRateLimit();
		const r = await bare.walkEvents({ baseUrl: o.baseUrl, accessToken, startDate: o.startDate });
		return { ...r, eventsPerSecond: r.events / (r.ms / 1000) };
	};
	for (let rep = 0; rep < o.runs; rep++) {
		// Alternate which goes first, so neither always follows the other.
		if (rep % 2 === 0) {
			ours.push(await runOurs());
			bares.push(await runBare());
		} else {
			bares.push(await runBare());
			ours.push(await runOurs());
		}
		if (global.gc) global.gc();
	}
	return { ours, bare: bares };
}

/** Return All through WorkflowExecute vs the bare client, in this process (for the analysis of our overhead). */
async function list() {
	const { BeyondTrustPmCloudComputers } = require(path.join(ROOT, 'nodes', 'BeyondTrustPmCloudComputers', 'BeyondTrustPmCloudComputers.node.ts'));
	const type = new BeyondTrustPmCloudComputers();
	const harness = createHarness([type], credentialFor(o.oursClient));
	const node = makeNode(type, { operation: 'getMany', returnAll: true }, { name: 'PM Cloud Computers' });
	const accessToken = await bare.token(o.baseUrl, o.bareClient.clientId, o.bareClient.clientSecret);
	await runNode(harness, makeNode(type, { operation: 'getMany', returnAll: false, limit: 1 }, { name: 'warm' }));
	const ours = [];
	const bares = [];
	for (let rep = 0; rep < o.runs; rep++) {
		await resetRateLimit();
		const t0 = performance.now();
		const run = await runNode(harness, node);
		const ms = performance.now() - t0;
		if (run.error) throw run.error;
		const taskData = run.run.data.resultData.runData[node.name][0];
		ours.push({ ms, executionTime: taskData.executionTime, items: run.items.length });
		await resetRateLimit();
		const b = await bare.listAll({ baseUrl: o.baseUrl, accessToken, path: '/v3/Computers', query: o.query, concurrency: o.concurrency ?? 6 });
		delete b.kept;
		bares.push(b);
	}
	return { ours, bare: bares };
}

/** Token requests over `executions` sequential WorkflowExecute runs of a Computers Get. */
async function token() {
	const { BeyondTrustPmCloudComputers } = require(path.join(ROOT, 'nodes', 'BeyondTrustPmCloudComputers', 'BeyondTrustPmCloudComputers.node.ts'));
	const type = new BeyondTrustPmCloudComputers();
	const harness = createHarness([type], credentialFor(o.client));
	const node = makeNode(type, { operation: 'get', computerId: { __rl: true, mode: 'id', value: o.computerId } }, { name: 'PM Cloud Computers' });
	const tokensBefore = await tokenRequests();
	const requestsBefore = await requestsOf(o.client.clientId);
	const t0 = performance.now();
	let failures = 0;
	for (let i = 0; i < o.executions; i++) {
		const run = await runNode(harness, node);
		if (run.error) failures++;
	}
	return {
		executions: o.executions,
		ms: performance.now() - t0,
		failures,
		tokenRequests: (await tokenRequests()) - tokensBefore,
		apiRequests: (await requestsOf(o.client.clientId)) - requestsBefore,
		credentialUpdates: harness.credentials.updates.length,
	};
}

const tasks = { drain, list, token };

tasks[o.task]()
	.then((result) => {
		process.stdout.write(`${JSON.stringify({ node: process.version, ...result })}\n`);
		fs.rmSync(process.env.N8N_USER_FOLDER, { recursive: true, force: true });
		process.exit(0);
	})
	.catch((error) => {
		process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
		process.exit(1);
	});
