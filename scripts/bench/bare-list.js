#!/usr/bin/env node
'use strict';
/**
 * One timed bare-client Return All (see lib/bare.js), in a process of its own so it runs on the same
 * Node.js as n8n (the bench starts it with n8n's Node 24) and nothing else shares its event loop.
 *
 *   node scripts/bench/bare-list.js '{"baseUrl":…,"clientId":…,"clientSecret":…,"path":"/v3/Computers","query":"…","concurrency":6}'
 *
 * The token and one warm-up request are not timed. Prints one JSON line.
 */
const { token, getJson, listAll } = require('./lib/bare');

async function main() {
	const o = JSON.parse(process.argv[2]);
	const accessToken = await token(o.baseUrl, o.clientId, o.clientSecret);
	if (o.warmUp !== false) {
		await getJson(`${o.baseUrl}/management-api${o.path}?${o.query ? `${o.query}&` : ''}Pagination.PageNumber=1&Pagination.PageSize=${o.pageSize ?? 200}`, accessToken);
	}
	if (o.beforeTimedUrl) await fetch(o.beforeTimedUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: o.beforeTimedBody ?? '{}' });
	const result = await listAll({ ...o, accessToken, keepItems: o.keepItems !== false, measureJson: !!o.measureJson });
	delete result.kept;
	process.stdout.write(`${JSON.stringify({ ...result, node: process.version })}\n`);
}

main().catch((error) => {
	process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
	process.exit(1);
});
