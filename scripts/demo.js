#!/usr/bin/env node
'use strict';
/**
 * `npm start`: a local n8n with this package installed as a community package, wired to the PM Cloud
 * sandbox (a loopback stand-in for a tenant), with the example workflows imported.
 *
 *   npm ci && npm start            → http://localhost:5678 (login printed below)
 *   npm start -- --fresh           → start from an empty n8n (deletes .cache/demo/)
 *   npm start -- --verbose         → show n8n's and the sandbox's output
 *
 * Ctrl+C stops n8n and the sandbox. Data (n8n's SQLite database) stays in .cache/demo/ between runs;
 * the sandbox is in memory and starts from its seed every time.
 */
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const n8n = require('./n8n/install');

const ARGS = process.argv.slice(2);
const VERBOSE = ARGS.includes('--verbose');
const FRESH = ARGS.includes('--fresh');
const N8N_PORT = Number(process.env.N8N_DEMO_PORT || 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_DEMO_PORT || 5680);
const SANDBOX_LATENCY_MS = 50;

const DEMO_DIR = path.join(n8n.ROOT, '.cache', 'demo');
const USER_FOLDER = path.join(DEMO_DIR, 'user');
const LOGS = path.join(DEMO_DIR, 'logs');
const EXAMPLES = path.join(n8n.ROOT, 'examples');

function portFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

async function cli(env, args, what) {
	const res = await n8n.n8nCli(args, { userFolder: USER_FOLDER, env });
	if (res.code !== 0) throw new Error(`${what} failed (n8n ${args[0]} exited with ${res.code}):\n${(res.stdout + res.stderr).trim().split('\n').slice(-15).join('\n')}`);
	return res;
}

let shuttingDown = false;
async function shutdown(code, message) {
	if (shuttingDown) return;
	shuttingDown = true;
	if (message) console.log(message);
	console.log('Stopping n8n and the sandbox…');
	await n8n.stopAll();
	console.log('Stopped.');
	process.exit(code);
}

async function main() {
	process.on('SIGINT', () => void shutdown(0, '\nCtrl+C received.'));
	process.on('SIGTERM', () => void shutdown(0));

	for (const [port, what, env] of [
		[N8N_PORT, 'n8n', 'N8N_DEMO_PORT'],
		[SANDBOX_PORT, 'the sandbox', 'SANDBOX_DEMO_PORT'],
	]) {
		if (!(await portFree(port))) throw new Error(`Port ${port} (for ${what}) is in use on 127.0.0.1. Stop what uses it, or set ${env}=<another port>.`);
	}

	if (FRESH) fs.rmSync(DEMO_DIR, { recursive: true, force: true });
	fs.mkdirSync(USER_FOLDER, { recursive: true });
	fs.mkdirSync(LOGS, { recursive: true });

	n8n.log('1/6 npm run build');
	await n8n.run('npm', ['run', 'build'], { cwd: n8n.ROOT, quiet: !VERBOSE, label: 'build' });

	n8n.log(`2/6 n8n ${n8n.N8N_VERSION} (installed once into .cache/, a few minutes the first time)`);
	await n8n.ensureN8n();

	n8n.log('3/6 npm pack + install the package as a community package');
	const packed = await n8n.packAndInstall(USER_FOLDER);
	n8n.log(`    ${packed.tgz} → ${path.relative(n8n.ROOT, packed.dir)}`);

	n8n.log(`4/6 sandbox on 127.0.0.1:${SANDBOX_PORT} (latency ${SANDBOX_LATENCY_MS} ms)`);
	const sandbox = await n8n.startSandbox(['--port', String(SANDBOX_PORT), '--latency', String(SANDBOX_LATENCY_MS)], { logFile: path.join(LOGS, 'sandbox.log') });
	sandbox.process.exited.then(({ code, signal }) => {
		if (!shuttingDown) void shutdown(1, `The sandbox stopped unexpectedly (${code ?? signal}); see ${path.join(LOGS, 'sandbox.log')}`);
	});

	const env = n8n.n8nEnv(USER_FOLDER, N8N_PORT, {
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_LOG_LEVEL: VERBOSE ? 'info' : 'warn',
	});

	n8n.log('5/6 import the credential and the example workflows');
	const template = fs.readFileSync(path.join(EXAMPLES, 'credentials.sandbox.json'), 'utf8');
	const credentials = template
		.replaceAll('__SANDBOX_URL__', sandbox.url)
		.replaceAll('__CLIENT_ID__', sandbox.clientId)
		.replaceAll('__CLIENT_SECRET__', sandbox.clientSecret);
	const credentialFile = path.join(DEMO_DIR, 'credentials.json');
	fs.writeFileSync(credentialFile, credentials, { mode: 0o600 });
	await cli(env, ['import:credentials', `--input=${credentialFile}`], 'Importing the credential');
	const exampleFiles = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json') && !f.startsWith('credentials')).sort();
	const workflows = exampleFiles.map((f) => ({ ...JSON.parse(fs.readFileSync(path.join(EXAMPLES, f), 'utf8')), active: false }));
	const workflowFile = path.join(DEMO_DIR, 'workflows.json');
	fs.writeFileSync(workflowFile, JSON.stringify(workflows, null, 2));
	await cli(env, ['import:workflow', `--input=${workflowFile}`], 'Importing the example workflows');

	n8n.log(`6/6 n8n start on http://localhost:${N8N_PORT}`);
	const server = await n8n.startN8n(USER_FOLDER, N8N_PORT, { env, logFile: path.join(LOGS, 'n8n.log'), echo: VERBOSE });
	server.process.exited.then(({ code, signal }) => {
		if (!shuttingDown) void shutdown(1, `n8n stopped unexpectedly (${code ?? signal}); see ${path.join(LOGS, 'n8n.log')}`);
	});
	const { owner } = await n8n.setupOwner(server.url);

	const editor = `http://localhost:${N8N_PORT}`;
	console.log(`
────────────────────────────────────────────────────────────────────────────
 n8n ${n8n.N8N_VERSION} with ${n8n.PACKAGE_NAME} is running.

   Open      ${editor}
   Email     ${owner.email}
   Password  ${owner.password}

 Credential "BeyondTrust PM Cloud (sandbox)" points at the sandbox ${sandbox.url}
 (client id ${sandbox.clientId}). Imported example workflows:
${workflows.map((w) => `   • ${w.name}`).join('\n')}
 Open one and click "Execute workflow" (the manual variants), or publish a trigger variant.

 The sandbox is a loopback stand-in for a PM Cloud tenant, reset at every start:
   stats        curl ${sandbox.url}/__sandbox/stats
   new events   curl -X POST ${sandbox.url}/__sandbox/events -H 'Content-Type: application/json' -d '{"count":5}'
   JIT request  curl -X POST ${sandbox.url}/__sandbox/admin-access-requests -H 'Content-Type: application/json' -d '{"count":1}'

 Logs: ${path.relative(process.cwd(), LOGS)}/    Press Ctrl+C to stop n8n and the sandbox.
────────────────────────────────────────────────────────────────────────────
`);
}

main().catch((error) => {
	console.error(`\nThe demo could not start: ${error.message}`);
	void shutdown(1);
});
