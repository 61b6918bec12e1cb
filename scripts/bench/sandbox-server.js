#!/usr/bin/env node
'use strict';
/**
 * The PM Cloud sandbox (test/sandbox) as a process of its own, with what the bench needs and the CLI
 * does not offer: several API clients (one per measured run or variant, so each has its own rate-limit
 * window on the sandbox) and given seed sizes.
 *
 *   node scripts/bench/sandbox-server.js '<SandboxOptions as JSON>'
 *
 * Prints one JSON line `{ url, clients, seedMs }` when it listens; the control API is under
 * `${url}/__sandbox/` (stats, reset-log, faults { rateLimit } to reset the rate-limit windows, requests).
 * Stops on SIGTERM/SIGINT, and by itself when the process that started it goes away.
 */
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
process.env.TS_NODE_PROJECT = path.join(ROOT, 'tsconfig.test.json');
require('ts-node').register({ transpileOnly: true, project: path.join(ROOT, 'tsconfig.test.json') });

const { startSandbox } = require(path.join(ROOT, 'test', 'sandbox'));

async function main() {
	const options = JSON.parse(process.argv[2] || '{}');
	const started = Date.now();
	const sandbox = await startSandbox(options);
	const seedMs = Date.now() - started;
	let closing = false;
	const stop = async (code = 0) => {
		if (closing) return;
		closing = true;
		try {
			await sandbox.close();
		} finally {
			process.exit(code);
		}
	};
	process.on('SIGTERM', () => stop(0));
	process.on('SIGINT', () => stop(0));
	const parent = process.ppid;
	setInterval(() => {
		// Orphaned (the bench died): stop by ourselves.
		if (process.ppid !== parent) stop(0);
	}, 1000).unref();
	// Keeps the process alive while the server listens (the server handle does too).
	process.stdout.write(`${JSON.stringify({ url: sandbox.url, clients: sandbox.clients, seedMs })}\n`);
}

main().catch((error) => {
	process.stderr.write(`sandbox failed to start: ${error && error.stack ? error.stack : error}\n`);
	process.exit(1);
});
