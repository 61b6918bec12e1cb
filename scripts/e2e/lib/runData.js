'use strict';
/**
 * Reading what `n8n execute --id=… --rawOutput` prints: the run (IRun) as pretty JSON, mixed with
 * n8n's info log lines (the JSON itself is printed at log level info, so other info lines surround it).
 */

/** Finds and parses the run JSON in the command's stdout; undefined when there is none. */
function parseRunOutput(stdout) {
	const lines = String(stdout).split('\n');
	const starts = [];
	const ends = [];
	lines.forEach((line, i) => {
		if (line === '{') starts.push(i);
		if (line === '}') ends.push(i);
	});
	for (const start of starts) {
		for (let e = ends.length - 1; e >= 0; e--) {
			if (ends[e] <= start) break;
			try {
				const parsed = JSON.parse(lines.slice(start, ends[e] + 1).join('\n'));
				if (parsed && parsed.data && parsed.data.resultData) return parsed;
			} catch {
				/* try a shorter block */
			}
		}
	}
	return undefined;
}

/** The runs of one node: [{ error, items: [{ json, binary }], status }]. */
function nodeRuns(run, nodeName) {
	const runs = run?.data?.resultData?.runData?.[nodeName];
	if (!runs) return undefined;
	return runs.map((r) => ({
		error: r.error,
		status: r.executionStatus,
		items: (r.data?.main ?? []).flat().filter(Boolean),
		outputs: (r.data?.main ?? []).map((o) => o ?? []),
	}));
}

/** All items a node output over all its runs (first output unless `output` is given). */
function nodeItems(run, nodeName, output) {
	const runs = nodeRuns(run, nodeName);
	if (!runs) return undefined;
	if (output === undefined) return runs.flatMap((r) => r.items);
	return runs.flatMap((r) => r.outputs[output] ?? []);
}

/** Error items our nodes emit with Continue On Fail: `{ error, description }`. */
function errorItems(items) {
	return (items ?? []).filter((item) => item?.json && typeof item.json.error === 'string' && Object.keys(item.json).length <= 3);
}

/** The workflow-level error, if any. */
function runError(run) {
	return run?.data?.resultData?.error;
}

/** Binary data of an item as a Buffer (in-memory mode: base64 in `data`). */
function binaryBuffer(item, property = 'data') {
	const bin = item?.binary?.[property];
	if (!bin) return undefined;
	if (bin.data && !String(bin.id ?? '').includes(':')) return Buffer.from(bin.data, 'base64');
	return undefined;
}

module.exports = { parseRunOutput, nodeRuns, nodeItems, errorItems, runError, binaryBuffer };
