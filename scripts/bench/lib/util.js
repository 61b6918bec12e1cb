'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const n8n = require('../../n8n/install');

const ROOT = n8n.ROOT;

function median(values) {
	const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
	if (!v.length) return undefined;
	const mid = Math.floor(v.length / 2);
	return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

function spread(values) {
	const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x));
	if (!v.length) return undefined;
	return { min: Math.min(...v), max: Math.max(...v) };
}

/** Runs a node script to completion and parses the last JSON line of its stdout. */
function runJsonScript(nodeBin, script, arg, { env, timeoutMs = 10 * 60 * 1000, cwd = ROOT } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(nodeBin, [script, JSON.stringify(arg)], { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			const line = out.trim().split('\n').filter((l) => l.startsWith('{')).pop();
			if (code !== 0 || !line) return reject(new Error(`${path.basename(script)} exited with ${code}\n${err.slice(-3000)}\n${out.slice(-1000)}`));
			try {
				resolve(JSON.parse(line));
			} catch (error) {
				reject(new Error(`${path.basename(script)} printed no JSON: ${error.message}\n${out.slice(-1000)}`));
			}
		});
	});
}

const sandboxes = new Set();

/** Starts scripts/bench/sandbox-server.js with the given SandboxOptions; resolves `{ url, clients, seedMs, process }`. */
function startSandbox(options, { logFile, timeoutMs = 120000 } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(__dirname, '..', 'sandbox-server.js'), JSON.stringify(options)], {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		sandboxes.add(child);
		child.on('exit', () => sandboxes.delete(child));
		const log = logFile ? fs.openSync(logFile, 'a') : undefined;
		let buffer = '';
		let done = false;
		const timer = setTimeout(() => finish(new Error('the sandbox printed nothing in time')), timeoutMs);
		function finish(error, info) {
			if (done) return;
			done = true;
			clearTimeout(timer);
			if (error) {
				child.kill('SIGKILL');
				reject(error);
			} else resolve({ ...info, process: child });
		}
		child.stdout.on('data', (d) => {
			if (log !== undefined) fs.writeSync(log, d);
			buffer += d;
			const line = buffer.split('\n').find((l) => l.startsWith('{'));
			if (line) {
				try {
					finish(undefined, JSON.parse(line));
				} catch (error) {
					finish(error);
				}
			}
		});
		child.stderr.on('data', (d) => {
			if (log !== undefined) fs.writeSync(log, d);
			buffer += d;
		});
		child.on('exit', (code) => finish(new Error(`the sandbox exited with ${code}:\n${buffer.slice(-3000)}`)));
	});
}

async function stopSandboxes() {
	await Promise.all(
		[...sandboxes].map(
			(child) =>
				new Promise((resolve) => {
					child.once('exit', resolve);
					child.kill('SIGTERM');
					setTimeout(() => {
						child.kill('SIGKILL');
						resolve();
					}, 5000).unref();
				}),
		),
	);
}

/** The sandbox's control API. */
function control(sandboxUrl) {
	const call = async (method, route, body) => {
		const res = await fetch(`${sandboxUrl}/__sandbox/${route}`, {
			method,
			headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`sandbox control ${method} ${route} answered ${res.status}: ${text.slice(0, 300)}`);
		return text ? JSON.parse(text) : undefined;
	};
	return {
		stats: () => call('GET', 'stats'),
		/** A fresh rate-limit window for every client (as after a quiet period). */
		resetRateLimit: (rateLimit) => call('POST', 'faults', { rateLimit }),
		resetLog: () => call('POST', 'reset-log'),
		/** API requests after `since` (seq), `kind` 'token' for token requests. */
		requests: (since = 0, kind) => call('GET', `requests?since=${since}${kind ? `&kind=${kind}` : ''}`),
		call,
	};
}

function machine() {
	const cpus = os.cpus();
	let cpuModel = cpus[0]?.model ?? 'unknown';
	try {
		const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
		const m = /^model name\s*:\s*(.+)$/m.exec(info);
		if (m) cpuModel = m[1].trim();
		const mhz = /^cpu MHz\s*:\s*([\d.]+)$/m.exec(info);
		if (mhz && !/GHz|MHz/i.test(cpuModel)) cpuModel += ` @ ${Math.round(Number(mhz[1]))} MHz`;
	} catch {
		/* not Linux */
	}
	let installed;
	try {
		installed = JSON.parse(fs.readFileSync(path.join(n8n.CACHE_DIR, '.installed.json'), 'utf8'));
	} catch {
		installed = {};
	}
	let osName = `${os.type()} ${os.release()}`;
	try {
		const m = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(fs.readFileSync('/etc/os-release', 'utf8'));
		if (m) osName = `${m[1]} (${os.type()} ${os.release()})`;
	} catch {
		/* not Linux */
	}
	return {
		cpu: cpuModel,
		cores: os.availableParallelism ? os.availableParallelism() : cpus.length,
		ramBytes: os.totalmem(),
		os: osName,
		nodeBench: process.version,
		nodeN8n: installed.node,
		n8n: installed.n8n ?? n8n.N8N_VERSION,
		n8nCore: safeVersion('n8n-core'),
		n8nWorkflow: safeVersion('n8n-workflow'),
	};
}

function safeVersion(pkg) {
	try {
		return require(path.join(ROOT, 'node_modules', pkg, 'package.json')).version;
	} catch {
		return undefined;
	}
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { ROOT, median, spread, runJsonScript, startSandbox, stopSandboxes, control, machine, sleep };
