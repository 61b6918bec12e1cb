#!/usr/bin/env node
'use strict';
/**
 * End-to-end test against a real n8n (2.40.7 on Node 24) and the PM Cloud sandbox: `npm run test:e2e`.
 *
 *   1. build, install n8n (cached in .cache/), pack the project and install it as a community package
 *   2. n8n lists every node of package.json (`n8n export:nodes`)
 *   3. import the credential and the workflows; run them with `n8n execute --id --rawOutput`:
 *      generated coverage workflows (every operation of every action node, IDs chained from list
 *      outputs), hand-written scenarios (chaining, policy bytes round trip, HTTP Request with our
 *      credential, bad input with and without Continue On Fail) and the examples' manual variants
 *   4. `n8n start`: owner + API key, credential type listed, the polling trigger is activated, sandbox
 *      events are added, and the executions (public REST API) must cover each new event exactly once
 *   5. sandbox stats: the token was stored and reused; no request missed the API routes
 *
 * Exits non-zero with a clear message when anything is wrong. Options: --skip-build, --keep (leave
 * .n8n-e2e/ for inspection), --no-trigger (local iterations only: the trigger check is reported
 * as SKIPPED), --only=<text> (coverage workflows whose node name contains text).
 */
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const n8n = require('../n8n/install');
const W = require('./lib/workflow');
const { generateNodeWorkflow, propertiesFor } = require('./lib/generate');
const scenarios = require('./lib/scenarios');
const { parseRunOutput, nodeRuns, nodeItems, errorItems, runError } = require('./lib/runData');

const ARGS = process.argv.slice(2);
const flag = (name) => ARGS.includes(`--${name}`);
const option = (name) => ARGS.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=');

const ROOT = n8n.ROOT;
const WORK = path.join(ROOT, '.n8n-e2e');
const USER_FOLDER = path.join(WORK, 'user');
const LOGS = path.join(WORK, 'logs');
const FILES = path.join(WORK, 'files');
const EXAMPLES = path.join(ROOT, 'examples');
const ENCRYPTION_KEY = 'pmcloud-e2e-encryption-key-not-secret';

// ---------------------------------------------------------------------------------------------
// reporting

const results = [];
const timings = [];
const started = Date.now();

function line(status, name, detail = '') {
	const mark = { PASS: '✔ PASS', FAIL: '✘ FAIL', SKIP: '⚠ SKIP', INFO: '• INFO' }[status] ?? status;
	console.log(`${mark}  ${name}${detail ? ` — ${detail}` : ''}`);
}

function record(status, name, detail) {
	results.push({ status, name, detail });
	line(status, name, detail);
}

async function timed(label, fn) {
	const t = Date.now();
	n8n.log(`${label}…`);
	try {
		return await fn();
	} finally {
		timings.push([label, Date.now() - t]);
	}
}

/** Runs a check; a thrown error is a FAIL with its message, a returned string is the PASS detail. */
async function check(name, fn) {
	try {
		const detail = await fn();
		if (detail && typeof detail === 'object' && detail.skip) record('SKIP', name, detail.skip);
		else record('PASS', name, typeof detail === 'string' ? detail : '');
		return true;
	} catch (error) {
		record('FAIL', name, error.message);
		return false;
	}
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// n8n CLI helpers

let ENV;

async function n8nCli(args, { timeoutMs } = {}) {
	return n8n.n8nCli(args, { userFolder: USER_FOLDER, env: ENV, timeoutMs });
}

/** `n8n execute --id=… --rawOutput`; resolves { code, run, output, ms }. */
async function execute(id, label) {
	const result = await n8nCli(['execute', `--id=${id}`, '--rawOutput'], { timeoutMs: 300000 });
	const output = `${result.stdout}\n${result.stderr}`;
	fs.writeFileSync(path.join(LOGS, `execute-${id}.log`), output);
	if (result.timedOut) throw new Error(`n8n execute of "${label}" timed out; see .n8n-e2e/logs/execute-${id}.log`);
	return { code: result.code, run: parseRunOutput(result.stdout), output, ms: result.ms };
}

// ---------------------------------------------------------------------------------------------
// main

async function main() {
	console.log(`E2E: ${n8n.PACKAGE_NAME} on n8n ${n8n.N8N_VERSION}\n`);
	fs.rmSync(WORK, { recursive: true, force: true });
	fs.mkdirSync(USER_FOLDER, { recursive: true });
	fs.mkdirSync(LOGS, { recursive: true });
	fs.mkdirSync(FILES, { recursive: true });

	// 1. build, n8n, package ---------------------------------------------------------------------
	if (!flag('skip-build')) {
		await timed('npm run build', () => n8n.run('npm', ['run', 'build'], { cwd: ROOT, quiet: true, label: 'build' }));
	}
	const install = await timed('install n8n (cached)', () => n8n.ensureN8n());
	record('INFO', 'n8n install', install.cached ? `cached (${secs(install.ms)})` : `installed in ${secs(install.ms)}`);
	const packed = await timed('npm pack + install as community package', () => n8n.packAndInstall(USER_FOLDER));
	record('INFO', 'community package', `${packed.tgz}, ${packed.files} files, ${(packed.size / 1024).toFixed(0)} kB`);

	const { nodes: declaredNodes, credentials: declaredCredentials } = n8n.loadDescriptions();
	const descriptions = Object.fromEntries(declaredNodes.map((d) => [d.name, d]));
	const actionNodes = declaredNodes.filter((d) => !d.polling);
	const triggerNode = declaredNodes.find((d) => d.polling);

	const sandbox = await timed('start the sandbox', () =>
		n8n.startSandbox(['--port', '0', '--latency', '0', '--computers', '30', '--events', '40'], { logFile: path.join(LOGS, 'sandbox.log') }),
	);
	record('INFO', 'sandbox', sandbox.url);
	const control = (method, route, body) => n8n.httpJson(method, `${sandbox.url}/__sandbox/${route}`, { body });

	const n8nPort = await freePort();
	const brokerPort = await freePort();
	ENV = n8n.n8nEnv(USER_FOLDER, n8nPort, {
		N8N_LOG_LEVEL: 'info', // `execute --rawOutput` prints the run at level info
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_DEFAULT_BINARY_DATA_MODE: 'default', // binary data inline in the run output
	});

	// 2. node types -------------------------------------------------------------------------------
	await timed('n8n export:nodes', async () => {
		const file = path.join(FILES, 'nodes.json');
		const res = await n8nCli(['export:nodes', `--output=${file}`]);
		await check('n8n lists every node of package.json', () => {
			if (res.code !== 0 || !fs.existsSync(file)) throw new Error(`n8n export:nodes failed (${res.code}):\n${(res.stdout + res.stderr).slice(-1500)}`);
			const listed = new Set(JSON.parse(fs.readFileSync(file, 'utf8')).map((n) => n.name));
			const expected = declaredNodes.map((d) => `${n8n.PACKAGE_NAME}.${d.name}`);
			const missing = expected.filter((t) => !listed.has(t));
			if (missing.length) throw new Error(`not loaded by n8n: ${missing.join(', ')} (see .n8n-e2e/logs/)`);
			const ours = [...listed].filter((t) => t.startsWith(`${n8n.PACKAGE_NAME}.`));
			return `${expected.length}/${expected.length} nodes of package.json loaded (${ours.length} types incl. AI-tool variants)`;
		});
	});

	// 3. credential + workflows -------------------------------------------------------------------
	const credentialFile = path.join(FILES, 'credentials.json');
	fs.writeFileSync(credentialFile, JSON.stringify(fillCredential(sandbox), null, 2));
	await timed('n8n import:credentials', async () => {
		const res = await n8nCli(['import:credentials', `--input=${credentialFile}`]);
		if (res.code !== 0) throw new Error(`n8n import:credentials failed:\n${(res.stdout + res.stderr).slice(-2000)}`);
	});

	const only = option('only');
	const coverage = actionNodes
		.filter((d) => !only || d.name.toLowerCase().includes(only.toLowerCase()))
		.map((d) => ({ description: d, ...generateNodeWorkflow(d, descriptions) }));
	const scenarioList = [
		scenarios.chainScenario(),
		scenarios.policyRoundTripScenario(),
		scenarios.httpRequestScenario(sandbox.url),
		...scenarios.badInputScenarios(),
	];
	const examples = loadExamples();
	const trigger = scenarios.triggerWorkflow();
	const allWorkflows = [...coverage.map((c) => c.workflow), ...scenarioList.map((s) => s.workflow), ...examples.map((e) => e.workflow), trigger.workflow];
	const workflowFile = path.join(FILES, 'workflows.json');
	fs.writeFileSync(workflowFile, JSON.stringify(allWorkflows, null, 2));
	await timed('n8n import:workflow', async () => {
		const res = await n8nCli(['import:workflow', `--input=${workflowFile}`]);
		if (res.code !== 0) throw new Error(`n8n import:workflow failed:\n${(res.stdout + res.stderr).slice(-2000)}`);
	});
	record('INFO', 'workflows imported', `${coverage.length} coverage, ${scenarioList.length} scenarios, ${examples.length} examples, 1 trigger (files in .n8n-e2e/files/)`);

	await check('examples and scenarios use only parameters our nodes declare', () =>
		checkExampleParameters(
			[...examples, ...scenarioList.map((x) => ({ file: `scenario "${x.name}"`, workflow: x.workflow })), { file: 'trigger workflow', workflow: trigger.workflow }],
			descriptions,
		),
	);

	// 3a. coverage: every operation of every action node
	const calledNodes = new Set();
	const coverageRows = [];
	await timed(`run ${coverage.length} coverage workflows`, async () => {
		for (const c of coverage) {
			const row = await runCoverage(c);
			coverageRows.push(row);
			if (row.ok > 0) calledNodes.add(c.description.name);
		}
	});
	printCoverage(coverageRows);
	await check('every operation of every action node ran without error', () => {
		const failed = coverageRows.flatMap((r) => r.failures.map((f) => `${r.node} · ${f}`));
		const notGenerated = coverageRows.flatMap((r) => r.skipped.map((s) => `${r.node} · ${s.operation}: ${s.reason}`));
		const total = coverageRows.reduce((n, r) => n + r.total, 0);
		const ok = coverageRows.reduce((n, r) => n + r.ok, 0);
		if (failed.length) throw new Error(`${failed.length} of ${total} operations failed:\n    ${failed.join('\n    ')}`);
		if (notGenerated.length) throw new Error(`${notGenerated.length} operations could not be generated (add a value rule in scripts/e2e/lib/generate.js):\n    ${notGenerated.join('\n    ')}`);
		return `${ok}/${total} operations of ${coverageRows.length} nodes`;
	});

	// 3b. scenarios and examples
	await timed('run scenarios', async () => {
		for (const s of scenarioList) await runScenario(s, descriptions);
	});
	await timed('run examples (manual variants)', async () => {
		for (const e of examples.filter((x) => x.manual)) await runExample(e);
	});
	await check('every node of package.json was called at least once', () => {
		for (const s of scenarioList) for (const need of s.needs) if (s.passed) calledNodes.add(need);
		const missing = actionNodes.map((d) => d.name).filter((name) => !calledNodes.has(name));
		if (missing.length) throw new Error(`never called successfully: ${missing.join(', ')}`);
		return `${actionNodes.length} action nodes${triggerNode ? ' (the trigger is checked under n8n start)' : ''}`;
	});

	const statsAfterCli = (await control('GET', 'stats')).body;
	await check('the token was stored and reused across executions', () => tokenReuse(statsAfterCli, 'after the n8n execute runs'));
	await check('a revoked token is replaced once and the workflow still succeeds', async () => {
		const chain = scenarioList[0];
		const revoked = await control('POST', 'revoke-tokens');
		if (revoked.status !== 200) throw new Error(`POST /__sandbox/revoke-tokens answered ${revoked.status}`);
		const result = await execute(chain.workflow.id, `${chain.name} (after revoking tokens)`);
		if (result.code !== 0 || !result.run || runError(result.run)) throw new Error(`the workflow failed after the token was revoked: ${runError(result.run)?.message ?? lastLines(result.output)}`);
		chain.check(result.run);
		const after = (await control('GET', 'stats')).body;
		const newTokens = after.tokenRequests - statsAfterCli.tokenRequests;
		const unauthorized = (after.statusCounts?.['401'] ?? 0) - (statsAfterCli.statusCounts?.['401'] ?? 0);
		if (newTokens !== 1) throw new Error(`expected exactly one new token request after the revocation, saw ${newTokens} (401 answers: ${unauthorized})`);
		return `${unauthorized} × 401, then 1 new token; the run succeeded`;
	});

	// 4. n8n start: types over REST, the trigger ----------------------------------------------------
	const server = await timed('n8n start', () => n8n.startN8n(USER_FOLDER, n8nPort, { env: { ...ENV, N8N_LOG_LEVEL: 'warn' }, logFile: path.join(LOGS, 'n8n-start.log') }));
	record('INFO', 'n8n start', `ready in ${secs(server.ms)} at ${server.url}`);
	const { cookie } = await n8n.setupOwner(server.url);
	const apiKey = await n8n.createApiKey(server.url, cookie, 'e2e');
	const api = n8n.publicApi(server.url, apiKey);

	await check('n8n lists the credential type and the nodes over REST', async () => {
		const headers = { Cookie: cookie, 'browser-id': n8n.BROWSER_ID };
		const creds = await n8n.httpJson('GET', `${server.url}/types/credentials.json`, { headers });
		const types = await n8n.httpJson('GET', `${server.url}/types/nodes.json`, { headers });
		if (creds.status !== 200 || !Array.isArray(creds.body)) throw new Error(`/types/credentials.json answered ${creds.status}`);
		const credNames = new Set(creds.body.map((c) => c.name));
		const missing = declaredCredentials.map((c) => c.name).filter((name) => !credNames.has(name));
		if (missing.length) throw new Error(`credential types not listed: ${missing.join(', ')}`);
		const nodeNames = new Set((types.body ?? []).map((n) => n.name));
		const missingNodes = declaredNodes.map((d) => `${n8n.PACKAGE_NAME}.${d.name}`).filter((t) => !nodeNames.has(t));
		if (missingNodes.length) throw new Error(`/types/nodes.json lacks ${missingNodes.join(', ')}`);
		const credential = await api('GET', `/credentials/schema/${declaredCredentials[0].name}`);
		if (credential.status !== 200) throw new Error(`public API /credentials/schema/${declaredCredentials[0].name} answered ${credential.status}`);
		return `${declaredCredentials.map((c) => c.name).join(', ')} + ${declaredNodes.length} nodes in /types/*.json; credential schema via the public API`;
	});

	if (!triggerNode) {
		record('SKIP', 'polling trigger produces each new event exactly once', 'no polling trigger node in package.json yet (nodes/BeyondTrustPmCloudTrigger): NOT tested');
	} else if (flag('no-trigger')) {
		record('SKIP', 'polling trigger produces each new event exactly once', 'skipped by --no-trigger (local run): NOT tested');
	} else {
		// The JIT example (trigger variant) runs alongside: its requests are added right after activation
		// and checked once the client-event check has waited for its poll ticks.
		const jit = examples.find((e) => e.workflow.id === JIT_EXAMPLE_ID);
		let jitStarted;
		if (jit) jitStarted = await startJitExample(api, control).catch((error) => ({ error }));
		await timed('trigger under n8n start', () => check('polling trigger produces each new event exactly once', () => triggerCheck(api, control, trigger)));
		if (jit) {
			await check(`example ${jit.file} (trigger) decides new requests under n8n start`, () => {
				if (jitStarted.error) throw jitStarted.error;
				return finishJitExample(api, sandbox, control, jitStarted);
			});
		} else record('FAIL', 'example JIT trigger workflow', `examples/ has no workflow with id ${JIT_EXAMPLE_ID}`);
	}

	const statsEnd = (await control('GET', 'stats')).body;
	await check('the token was still reused at the end of the run', () => tokenReuse(statsEnd, 'at the end (incl. trigger polls)'));
	await check('every request matched an API route of the catalogue', async () => {
		const unmatched = statsEnd.requestsPerOperation?.UNMATCHED ?? 0;
		if (unmatched) {
			const log = (await control('GET', 'requests?since=0')).body?.requests ?? [];
			const paths = [...new Set(log.filter((r) => !r.operation).map((r) => `${r.method} ${r.path}`))];
			throw new Error(`${unmatched} requests hit no catalogue route: ${paths.slice(0, 10).join(', ')}`);
		}
		const ops = Object.keys(statsEnd.requestsPerOperation ?? {}).length;
		return `${statsEnd.apiRequests} API requests over ${ops} distinct operations, status counts ${JSON.stringify(statsEnd.statusCounts)}`;
	});
}

// ---------------------------------------------------------------------------------------------
// pieces

function fillCredential(sandbox) {
	const template = fs.readFileSync(path.join(EXAMPLES, 'credentials.sandbox.json'), 'utf8');
	const filled = template
		.replaceAll('__SANDBOX_URL__', sandbox.url)
		.replaceAll('__CLIENT_ID__', sandbox.clientId)
		.replaceAll('__CLIENT_SECRET__', sandbox.clientSecret);
	const list = JSON.parse(filled);
	if (!list.some((c) => c.id === W.CREDENTIAL_ID)) throw new Error(`examples/credentials.sandbox.json has no credential with id ${W.CREDENTIAL_ID}`);
	return list;
}

function loadExamples() {
	if (!fs.existsSync(EXAMPLES)) return [];
	return fs
		.readdirSync(EXAMPLES)
		.filter((f) => f.endsWith('.json') && !f.startsWith('credentials'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
			const manual = workflow.nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger');
			return { file, workflow, manual };
		});
}

/** Static check: every parameter of our nodes in the examples exists for the chosen operation. */
function checkExampleParameters(examples, descriptions) {
	const problems = [];
	let count = 0;
	for (const { file, workflow } of examples) {
		for (const node of workflow.nodes) {
			if (!node.type.startsWith(`${W.PACKAGE_NAME}.`)) continue;
			count++;
			const name = node.type.slice(W.PACKAGE_NAME.length + 1);
			const description = descriptions[name];
			if (!description) {
				problems.push(`${file}: node type ${node.type} is not in package.json`);
				continue;
			}
			if (node.credentials?.[W.CREDENTIAL_TYPE]?.id !== W.CREDENTIAL_ID) problems.push(`${file} / ${node.name}: credential id is not ${W.CREDENTIAL_ID}`);
			const operation = node.parameters.operation;
			const opProp = description.properties.find((p) => p.name === 'operation');
			if (opProp && !opProp.options.some((o) => o.value === operation)) {
				problems.push(`${file} / ${node.name}: operation "${operation}" does not exist (${opProp.options.map((o) => o.value).join(', ')})`);
				continue;
			}
			// A name can be declared several times with different displayOptions (the trigger's filters
			// per event): keep the declarations shown for this node's parameter values.
			const base = description.polling ? description.properties : propertiesFor(description, operation);
			const props = base.filter((p) => shown(p, node.parameters, base));
			const allowed = new Set([...props.map((p) => p.name), 'operation', 'pollTimes']);
			for (const key of Object.keys(node.parameters)) {
				if (!allowed.has(key)) problems.push(`${file} / ${node.name}: parameter "${key}" does not exist for ${operation ?? 'this node'}`);
			}
			for (const p of props) {
				const value = node.parameters[p.name];
				if (value === undefined) continue;
				if (p.type === 'options' && typeof value === 'string' && !value.startsWith('=') && !p.options.some((o) => o.value === value)) {
					problems.push(`${file} / ${node.name}: "${p.name}" = "${value}" is not one of ${p.options.map((o) => o.value).join(', ')}`);
				}
				if (p.type === 'collection' && value && typeof value === 'object') {
					for (const [k, v] of Object.entries(value)) {
						const option = (p.options ?? []).find((o) => o.name === k);
						if (!option) problems.push(`${file} / ${node.name}: "${p.name}.${k}" does not exist`);
						else if (option.type === 'options' && typeof v === 'string' && !v.startsWith('=') && !option.options.some((o) => o.value === v)) {
							problems.push(`${file} / ${node.name}: "${p.name}.${k}" = "${v}" is not one of ${option.options.map((o) => o.value).join(', ')}`);
						}
					}
				}
			}
		}
	}
	if (problems.length) throw new Error(problems.join('\n    '));
	return `${count} PM Cloud nodes in ${examples.length} workflows`;
}

/** Whether a property is shown for these parameter values (displayOptions.show, other than operation). */
function shown(property, parameters, properties) {
	const show = property.displayOptions?.show ?? {};
	return Object.entries(show).every(([key, wanted]) => {
		if (key === 'operation' || key.startsWith('@')) return true;
		const declared = properties.find((p) => p.name === key);
		const value = parameters[key] ?? declared?.default;
		return wanted.includes(value);
	});
}

async function runCoverage(c) {
	const nodeName = c.description.name;
	const row = { node: nodeName.replace(/^beyondTrustPmCloud/, ''), total: c.operationCount, ok: 0, failures: [], skipped: c.skipped, ms: 0 };
	let result;
	try {
		result = await execute(c.workflow.id, c.workflow.name);
	} catch (error) {
		row.failures.push(`workflow: ${error.message}`);
		return row;
	}
	row.ms = result.ms;
	if (!result.run) {
		row.failures.push(`workflow run failed (exit ${result.code}): ${lastLines(result.output)}`);
		return row;
	}
	const wfError = runError(result.run);
	if (wfError) row.failures.push(`workflow error: ${wfError.message}`);
	for (const seedName of c.seeds ?? []) {
		const runs = nodeRuns(result.run, seedName) ?? [];
		const failure = runs.find((r) => r.error)?.error?.message ?? errorItems(runs.flatMap((r) => r.items))[0]?.json?.error;
		if (failure) row.failures.push(`(${seedName}, which provides IDs): ${failure}`);
	}
	for (const op of c.operations) {
		const runs = nodeRuns(result.run, op.nodeName);
		if (!runs) {
			row.failures.push(`${op.operation}: did not run`);
			continue;
		}
		const items = runs.flatMap((r) => r.items);
		const nodeError = runs.find((r) => r.error)?.error;
		const errors = errorItems(items);
		if (nodeError) row.failures.push(`${op.operation}: ${nodeError.message}${nodeError.description ? ` (${nodeError.description})` : ''}`);
		else if (errors.length) row.failures.push(`${op.operation}: ${errors[0].json.error}${errors[0].json.description ? ` (${errors[0].json.description})` : ''}`);
		else if (op.expectBinary && !items.some((i) => i.binary?.data)) row.failures.push(`${op.operation}: no binary output`);
		else if (op.operation === 'get' && op.idFrom && items[0]?.json?.id !== undefined && !sameId(items[0].json.id, op.idFrom, result.run)) {
			row.failures.push(`${op.operation}: returned id ${items[0].json.id}, not the id chained from the list`);
		} else row.ok++;
	}
	return row;
}

/** Whether the id a Get returned is the one its expression picked from a seed's first item. */
function sameId(id, idFrom, run) {
	const m = /\$\('([^']+)'\)\.first\(\)\.json\.(\w+)/.exec(idFrom.expression);
	if (!m) return true;
	const seedItem = nodeItems(run, m[1])?.[0]?.json;
	return seedItem === undefined || String(seedItem[m[2]]) === String(id);
}

function printCoverage(rows) {
	console.log('\n  Coverage (operations ok / declared, run time):');
	for (const r of rows) {
		const mark = r.failures.length || r.skipped.length ? '✘' : '✔';
		console.log(`    ${mark} ${r.node.padEnd(34)} ${String(r.ok).padStart(2)}/${String(r.total).padEnd(3)} ${secs(r.ms).padStart(7)}`);
		for (const f of r.failures) console.log(`        - ${f}`);
		for (const s of r.skipped) console.log(`        - ${s.operation}: not generated (${s.reason})`);
	}
	console.log('');
}

async function runScenario(s, descriptions) {
	const missing = s.needs.filter((name) => !descriptions[name]);
	if (missing.length) {
		record('FAIL', s.name, `needs ${missing.join(', ')}, which package.json does not list`);
		return;
	}
	s.passed = await check(s.name, async () => {
		const result = await execute(s.workflow.id, s.name);
		if (s.expectFailure) {
			if (result.code === 0) throw new Error('the workflow succeeded but should have failed');
			return s.check(result.run, result.output);
		}
		if (result.code !== 0 || !result.run) throw new Error(`the workflow failed (exit ${result.code}): ${lastLines(result.output)}`);
		const wfError = runError(result.run);
		if (wfError) throw new Error(`workflow error: ${wfError.message}`);
		return `${s.check(result.run)} (${secs(result.ms)})`;
	});
}

async function runExample(e) {
	await check(`example ${e.file} runs as is`, async () => {
		const result = await execute(e.workflow.id, e.file);
		if (result.code !== 0 || !result.run) throw new Error(`the workflow failed (exit ${result.code}): ${lastLines(result.output)}`);
		const wfError = runError(result.run);
		if (wfError) throw new Error(`workflow error: ${wfError.message}`);
		const runData = result.run.data.resultData.runData;
		for (const [name, runs] of Object.entries(runData)) {
			const errors = errorItems(runs.flatMap((r) => (r.data?.main ?? []).flat().filter(Boolean)));
			if (errors.length) throw new Error(`${name} output an error item: ${errors[0].json.error}`);
		}
		const summaries = Object.keys(runData).filter((n) => /summary/i.test(n));
		if (!summaries.length) throw new Error(`no node named "…Summary…" ran (ran: ${Object.keys(runData).join(', ')})`);
		const summary = summaries.flatMap((n) => nodeItems(result.run, n) ?? []);
		if (!summary.length) throw new Error(`${summaries.join(', ')} output no items`);
		return `${Object.keys(runData).length} nodes ran; ${summaries[0]}: ${JSON.stringify(summary[0].json).slice(0, 160)}`;
	});
}

function tokenReuse(stats, when) {
	if (!stats) throw new Error('the sandbox did not answer /__sandbox/stats');
	const { tokenRequests, apiRequests } = stats;
	const detail = `${tokenRequests} token requests for ${apiRequests} API requests ${when}`;
	if (apiRequests < 20) throw new Error(`only ${apiRequests} API requests reached the sandbox ${when}`);
	if (tokenRequests < 1) throw new Error(`no token was requested (${detail})`);
	// One token per process would be ~ one per `n8n execute`; a stored and reused token is a handful.
	if (tokenRequests > 5 || tokenRequests * 20 > apiRequests) throw new Error(`the token is not reused: ${detail}`);
	return detail;
}

function lastLines(text, n = 12) {
	return String(text)
		.split('\n')
		.filter((l) => l.trim() && !/Python task runner|license SDK|Task Broker/.test(l))
		.slice(-n)
		.join('\n      ');
}

// ---------------------------------------------------------------------------------------------
// the polling trigger under n8n start

const JIT_EXAMPLE_ID = 'pmcJitAccessTrig';

async function publish(api, id) {
	let res = await api('POST', `/workflows/${id}/publish`, {});
	if (res.status === 404 || res.status === 405) res = await api('POST', `/workflows/${id}/activate`, {});
	if (res.status !== 200) throw new Error(`activating workflow ${id} failed: ${res.status} ${res.text.slice(0, 500)}`);
}

/** Executions of a workflow with their data (public API, all pages). */
async function executionsOf(api, workflowId) {
	const all = [];
	let cursor;
	do {
		const q = `/executions?workflowId=${workflowId}&includeData=true&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
		const r = await api('GET', q);
		if (r.status !== 200) throw new Error(`GET /api/v1${q} answered ${r.status} ${r.text.slice(0, 300)}`);
		for (const execution of r.body.data ?? []) {
			let data = execution.data;
			if (typeof data === 'string') data = JSON.parse(data);
			all.push({ id: execution.id, status: execution.status, runData: data?.resultData?.runData ?? {}, error: data?.resultData?.error });
		}
		cursor = r.body.nextCursor;
	} while (cursor);
	return all;
}

const outputOf = (execution, node) => (execution.runData[node] ?? []).flatMap((run) => run.data?.main?.[0] ?? []);

async function startJitExample(api, control) {
	await publish(api, JIT_EXAMPLE_ID);
	await n8n.sleep(3000);
	const r = await control('POST', 'admin-access-requests', { count: 3, decision: 'Pending' });
	if (r.status !== 201 && r.status !== 200) throw new Error(`POST /__sandbox/admin-access-requests answered ${r.status} ${r.text.slice(0, 300)}`);
	return { requests: r.body.items.map((x) => ({ id: x.id, duration: Number(x.duration) })) };
}

async function finishJitExample(api, sandbox, control, { requests }) {
	const ids = requests.map((x) => x.id);
	const deadline = Date.now() + 90000;
	let executions;
	for (;;) {
		executions = await executionsOf(api, JIT_EXAMPLE_ID);
		const seen = executions.flatMap((e) => outputOf(e, 'New admin access request').map((i) => i.json.id));
		if (ids.every((x) => seen.includes(x)) || Date.now() > deadline) break;
		await n8n.sleep(2000);
	}
	const triggered = executions.flatMap((e) => outputOf(e, 'New admin access request').map((i) => i.json.id));
	const missing = ids.filter((x) => !triggered.includes(x));
	if (missing.length) throw new Error(`new requests that started no execution: ${missing.join(', ')}`);
	const twice = ids.filter((x) => triggered.filter((y) => y === x).length > 1);
	if (twice.length) throw new Error(`requests emitted more than once: ${twice.join(', ')}`);
	const failed = executions.filter((e) => e.status !== 'success');
	if (failed.length) throw new Error(`failed executions: ${failed.map((e) => `${e.id}: ${e.error?.message ?? e.status}`).join('; ')}`);
	const summaries = executions.flatMap((e) => outputOf(e, 'Summary').map((i) => i.json));
	// What the sandbox now holds for each request must follow the example's rule (≤ 1 h → Approved).
	const token = (await control('GET', 'token')).body?.access_token;
	const decided = [];
	for (const request of requests) {
		const res = await n8n.httpJson('GET', `${sandbox.url}/management-api/v3/AdminAccessRequest/${request.id}`, { headers: { Authorization: `Bearer ${token}` } });
		const record = Array.isArray(res.body) ? res.body[0] : res.body;
		const expected = request.duration <= 3600 ? 'Approved' : 'Denied';
		if (record?.decision !== expected) throw new Error(`request ${request.id} (${request.duration} s) is "${record?.decision}" in the tenant, expected "${expected}"`);
		const summary = summaries.find((x) => x.requestId === request.id);
		if (!summary || summary.decision !== expected || summary.result !== 'sent to PM Cloud') {
			throw new Error(`the Summary of request ${request.id} is ${JSON.stringify(summary)}; expected decision ${expected} and result "sent to PM Cloud"`);
		}
		decided.push(`${request.duration}s→${expected}`);
	}
	await api('POST', `/workflows/${JIT_EXAMPLE_ID}/unpublish`, {});
	return `${requests.length} new requests, each triggered once and decided by the rule (${decided.join(', ')})`;
}

async function triggerCheck(api, control, trigger) {
	const id = trigger.workflow.id;
	await publish(api, id);
	const activatedAt = Date.now();
	const pollRoute = 'GET /v3/Events/FromStartDate';
	let seq = (await control('GET', 'requests?since=0')).body?.next ?? 0;

	/** Resolves when the sandbox has seen a poll after `since` (sequence number); returns the new sequence. */
	const waitForPoll = async (since, timeoutMs) => {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const log = (await control('GET', `requests?since=${since}`)).body;
			const poll = (log?.requests ?? []).find((r) => r.operation === pollRoute);
			if (poll) return log.next;
			await n8n.sleep(1000);
		}
		throw new Error(`no poll of ${pollRoute} within ${timeoutMs / 1000} s (see .n8n-e2e/logs/n8n-start.log)`);
	};

	const addEvents = async (count) => {
		const r = await control('POST', 'events', { count });
		if (r.status !== 201 && r.status !== 200) throw new Error(`POST /__sandbox/events answered ${r.status} ${r.text.slice(0, 300)}`);
		return (r.body.items ?? []).map((e) => String(e?.event?.id ?? e?.id));
	};

	const collect = async () => {
		const seen = [];
		let cursor;
		do {
			const q = `/executions?workflowId=${id}&includeData=true&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
			const r = await api('GET', q);
			if (r.status !== 200) throw new Error(`GET /api/v1${q} answered ${r.status} ${r.text.slice(0, 300)}`);
			for (const execution of r.body.data ?? []) {
				let data = execution.data;
				if (typeof data === 'string') data = JSON.parse(data);
				const runs = data?.resultData?.runData?.[trigger.triggerName] ?? [];
				const items = runs.flatMap((run) => (run.data?.main?.[0] ?? []));
				seen.push({ execution: execution.id, status: execution.status, items: items.map((i) => String(i.json?.id)) });
			}
			cursor = r.body.nextCursor;
		} while (cursor);
		return seen;
	};

	const waitForCoverage = async (ids, timeoutMs) => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const executions = await collect();
			const got = new Set(executions.flatMap((e) => e.items));
			if (ids.every((x) => got.has(x))) return executions;
			if (Date.now() > deadline) {
				throw new Error(`after ${timeoutMs / 1000} s, ${ids.filter((x) => !got.has(x)).length} of ${ids.length} new events produced no execution item (executions: ${JSON.stringify(executions).slice(0, 600)})`);
			}
			await n8n.sleep(2000);
		}
	};

	// Activation runs the first poll at once: with startFrom "now" it only sets the cursor (no request).
	await n8n.sleep(3000);
	const batch1 = await addEvents(4);
	if (batch1.length !== 4 || batch1.includes('undefined')) throw new Error(`the sandbox did not return the added events' ids: ${JSON.stringify(batch1)}`);
	n8n.log(`  added ${batch1.length} events; waiting for a poll tick (every minute)…`);
	await waitForCoverage(batch1, 150000);
	const batch2 = await addEvents(6);
	n8n.log(`  added ${batch2.length} more; waiting for the next tick…`);
	await waitForCoverage(batch2, 150000);
	// One more tick after the last batch: it must not emit anything again.
	seq = (await control('GET', `requests?since=0`)).body?.next ?? seq;
	n8n.log('  waiting for one more tick (must emit nothing new)…');
	await waitForPoll(seq, 90000);
	await n8n.sleep(5000);
	const executions = await collect();
	const counts = new Map();
	for (const x of executions.flatMap((e) => e.items)) counts.set(x, (counts.get(x) ?? 0) + 1);
	const expected = [...batch1, ...batch2];
	const duplicates = [...counts].filter(([, n]) => n > 1).map(([x, n]) => `${x}×${n}`);
	const unexpected = [...counts.keys()].filter((x) => !expected.includes(x));
	const missing = expected.filter((x) => !counts.has(x));
	const failed = executions.filter((e) => e.status && !['success'].includes(e.status));
	if (missing.length) throw new Error(`events without an execution item: ${missing.join(', ')}`);
	if (duplicates.length) throw new Error(`events emitted more than once: ${duplicates.join(', ')}`);
	if (unexpected.length) throw new Error(`emitted events that were not added after activation (startFrom: now): ${unexpected.slice(0, 10).join(', ')}`);
	if (failed.length) throw new Error(`failed trigger executions: ${failed.map((e) => `${e.execution}:${e.status}`).join(', ')}`);
	await api('POST', `/workflows/${id}/unpublish`, {});
	return `${expected.length} new events in ${executions.length} executions, each exactly once (${secs(Date.now() - activatedAt)} after activation)`;
}

// ---------------------------------------------------------------------------------------------

let stopping = false;
async function shutdown(code) {
	if (stopping) return;
	stopping = true;
	await n8n.stopAll();
	const total = Date.now() - started;
	console.log('\n==== E2E summary ====');
	for (const r of results) if (r.status !== 'INFO') line(r.status, r.name, r.status === 'PASS' ? '' : r.detail.split('\n')[0]);
	console.log('\n  timings:');
	for (const [label, ms] of timings) console.log(`    ${label.padEnd(44)} ${secs(ms).padStart(8)}`);
	console.log(`    ${'total'.padEnd(44)} ${secs(total).padStart(8)}`);
	const failed = results.filter((r) => r.status === 'FAIL');
	const skipped = results.filter((r) => r.status === 'SKIP');
	const passed = results.filter((r) => r.status === 'PASS');
	console.log(`\n${passed.length} passed, ${failed.length} failed, ${skipped.length} skipped`);
	if (failed.length || code) {
		console.error(`\nE2E FAILED: ${failed.map((f) => f.name).join('; ') || 'see the error above'}\nLogs: ${path.relative(process.cwd(), LOGS)}/`);
	} else if (!flag('keep')) {
		fs.rmSync(USER_FOLDER, { recursive: true, force: true });
	}
	process.exit(failed.length || code ? 1 : 0);
}

process.on('SIGINT', () => {
	console.error('\ninterrupted');
	void shutdown(130);
});
process.on('SIGTERM', () => void shutdown(143));

main()
	.then(() => shutdown(0))
	.catch((error) => {
		record('FAIL', 'e2e run', error.stack ?? error.message);
		return shutdown(1);
	});
