'use strict';
/**
 * Running `n8n execute --id=… --rawOutput` for the bench: its output goes straight to a file (a Return All
 * of 100,000 items prints a few hundred MB of JSON, which must not pass through this process), the RSS of
 * the n8n process is sampled from /proc while it runs, and the run is read back from the file with a
 * streaming scan that keeps only what the bench needs (per node: start, duration, status, item count,
 * error messages of error items).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const readline = require('node:readline');

const n8n = require('../../n8n/install');

/** `VmRSS` and `VmHWM` (peak RSS) of a process, in bytes; undefined once it is gone. */
function readMemory(pid) {
	let text;
	try {
		text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	} catch {
		return undefined;
	}
	const kb = (key) => {
		const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
		return m ? Number(m[1]) * 1024 : undefined;
	};
	return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/**
 * Runs `n8n execute --id=<id> --rawOutput` at log level info (the run JSON is printed at info).
 * Resolves `{ code, wallMs, startedAt, peakRss, samples: [[epochMs, rss]], run, outFile }`.
 */
function execute({ userFolder, id, outFile, env = {}, sampleMs = 50, timeoutMs = 15 * 60 * 1000 }) {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(outFile, 'w');
		const startedAt = Date.now();
		const child = spawn(n8n.NODE24, [n8n.N8N_BIN, 'execute', `--id=${id}`, '--rawOutput'], {
			cwd: userFolder,
			env: n8n.n8nEnv(userFolder, 5678, { N8N_LOG_LEVEL: 'info', ...env }),
			stdio: ['ignore', out, out],
		});
		const samples = [];
		let peak = 0;
		const sample = () => {
			const m = readMemory(child.pid);
			if (!m) return;
			if (m.rss) samples.push([Date.now(), m.rss]);
			if (m.hwm && m.hwm > peak) peak = m.hwm;
			if (m.rss && m.rss > peak) peak = m.rss;
		};
		const timer = setInterval(sample, sampleMs);
		const killer = setTimeout(() => {
			try {
				child.kill('SIGKILL');
			} catch {
				/* gone */
			}
		}, timeoutMs);
		child.on('error', (error) => {
			clearInterval(timer);
			clearTimeout(killer);
			fs.closeSync(out);
			reject(error);
		});
		child.on('exit', async (code, signal) => {
			clearInterval(timer);
			clearTimeout(killer);
			fs.closeSync(out);
			const wallMs = Date.now() - startedAt;
			try {
				const run = await scanRunOutput(outFile);
				resolve({ code, signal, wallMs, startedAt, peakRss: peak, samples, run, outFile });
			} catch (error) {
				reject(error);
			}
		});
	});
}

/**
 * Reads the pretty-printed IRun (`JSON.stringify(run, null, 2)`) from n8n's output without parsing it
 * whole. Returns `{ status, nodes: { [name]: { startTime, executionTime, status, items, errors: {msg: n} } }, tail }`.
 */
async function scanRunOutput(file) {
	const rl = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
	const nodes = {};
	let inRun = false;
	let inRunData = false;
	let node;
	let inData = false;
	let status;
	let topError;
	const tail = [];
	for await (const line of rl) {
		if (!inRun) {
			if (line === '{') inRun = true;
			else {
				tail.push(line);
				if (tail.length > 40) tail.shift();
			}
			continue;
		}
		if (line === '}') {
			inRun = false;
			continue;
		}
		let m;
		if (line === '      "runData": {') {
			inRunData = true;
			continue;
		}
		if (inRunData && (line === '      },' || line === '      }')) {
			inRunData = false;
			node = undefined;
			continue;
		}
		if (inRunData && (m = /^ {8}"(.*)": \[$/.exec(line))) {
			node = nodes[JSON.parse(`"${m[1]}"`)] = { runs: 0, items: 0, errors: {} };
			inData = false;
			continue;
		}
		if (node) {
			if (/^ {10}\{$/.test(line)) {
				node.runs++;
				continue;
			}
			if ((m = /^ {12}"(\w+)": (.*?),?$/.exec(line))) {
				const [, key, value] = m;
				inData = key === 'data' && value === '{';
				if (key === 'startTime' && node.startTime === undefined) node.startTime = Number(value);
				else if (key === 'executionTime') node.executionTime = (node.executionTime ?? 0) + Number(value);
				else if (key === 'executionStatus') node.status = JSON.parse(value);
				else if (key === 'error') node.failed = true;
				continue;
			}
			if (inData) {
				if (/^ {18}\{$/.test(line)) node.items++;
				else if ((m = /^ {22}"error": (".*"),?$/.exec(line))) {
					const message = JSON.parse(m[1]);
					node.errors[message] = (node.errors[message] ?? 0) + 1;
				}
			}
			continue;
		}
		if ((m = /^ {2}"status": "(\w+)",?$/.exec(line))) status = m[1];
		if ((m = /^ {6}"error": \{$/.exec(line))) topError = true;
	}
	return { status, error: topError, nodes, tail: tail.join('\n') };
}

module.exports = { execute, scanRunOutput, readMemory };
