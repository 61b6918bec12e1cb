'use strict';
/**
 * The "bare client": Node's own fetch, no n8n, no retries, no rate limiter. It fetches exactly the
 * pages our nodes fetch, the same way (same URLs, same concurrency), and is the bound our overhead is
 * measured against.
 */

async function token(baseUrl, clientId, clientSecret, scope = 'urn:management:api') {
	const res = await fetch(`${baseUrl}/oauth/connect/token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope }).toString(),
	});
	if (!res.ok) throw new Error(`token endpoint answered ${res.status}: ${await res.text()}`);
	return (await res.json()).access_token;
}

async function getJson(url, accessToken) {
	const res = await fetch(url, { headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' } });
	const text = await res.text();
	if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
	return { body: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

/**
 * Every page of an envelope list (`{ pageCount, data }`): page 1, then pages 2..pageCount with
 * `concurrency` in flight, consumed in order (the same scheme as nodes/shared/transport/pagination.ts).
 * `query` is the query string our node sends before the paging pair. With `measureJson`, also the bytes
 * of the items' JSON (JSON.stringify of every item) — outside the timed part's hot loop it would not be.
 */
async function listAll({ baseUrl, accessToken, path, query = '', pageSize = 200, concurrency = 6, keepItems = true, measureJson = false }) {
	const started = performance.now();
	let requests = 0;
	let count = 0;
	let jsonBytes = 0;
	const items = [];
	const page = (n) => {
		requests++;
		const qs = `${query ? `${query}&` : ''}Pagination.PageNumber=${n}&Pagination.PageSize=${pageSize}`;
		return getJson(`${baseUrl}/management-api${path}?${qs}`, accessToken);
	};
	const take = (body) => {
		const data = Array.isArray(body.data) ? body.data : [];
		count += data.length;
		if (measureJson) for (const item of data) jsonBytes += Buffer.byteLength(JSON.stringify(item));
		if (keepItems) for (const item of data) items.push(item);
		return data.length;
	};
	const first = (await page(1)).body;
	take(first);
	const last = Number(first.pageCount) || 1;
	const inFlight = new Map();
	let next = 2;
	for (let p = 2; p <= last; p++) {
		while (next <= last && inFlight.size < concurrency) {
			const promise = page(next);
			promise.catch(() => undefined);
			inFlight.set(next, promise);
			next++;
		}
		const { body } = await inFlight.get(p);
		inFlight.delete(p);
		if (take(body) === 0) break;
	}
	return { ms: performance.now() - started, requests, items: count, jsonBytes: measureJson ? jsonBytes : undefined, kept: keepItems ? items : undefined };
}

/**
 * Walks `Events/FromStartDate` sequentially, 1,000 at a time: each page's StartDate is the newest
 * `event.ingested` of the page before (inclusive, so repeats are dropped by event id), until a page
 * has fewer than 1,000 events.
 */
async function walkEvents({ baseUrl, accessToken, startDate, recordSize = 1000 }) {
	const started = performance.now();
	const seen = new Set();
	let requests = 0;
	let start = startDate;
	for (;;) {
		requests++;
		const { body } = await getJson(
			`${baseUrl}/management-api/v3/Events/FromStartDate?StartDate=${encodeURIComponent(start)}&RecordSize=${recordSize}`,
			accessToken,
		);
		const events = Array.isArray(body.events) ? body.events : [];
		for (const event of events) seen.add(event.event.id);
		if (events.length < recordSize) break;
		const newest = events[events.length - 1].event.ingested;
		if (newest === start) throw new Error(`a full page at one instant (${start}): the bare walk cannot move on`);
		start = newest;
	}
	return { ms: performance.now() - started, requests, events: seen.size };
}

module.exports = { token, getJson, listAll, walkEvents };
