import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { paginate } from '../transport/pagination';
import type { QueryPairs } from '../transport/query';
import { apiRequest } from '../transport/request';
import type { StreamDeclaration } from './streams';
import { parseInstant, toApiDate } from './time';

export const EVENT_PAGE = 1000;
/** Operating systems walked when a FromStartDate page is one instant wide (Events/search needs one). */
const SEARCH_SYSTEMS = ['Windows', 'Mac'];
const FAR_FUTURE = '9999-12-31T23:59:59.999Z';

export interface ReadContext {
	ctx: IPollFunctions;
	stream: StreamDeclaration;
	/** Inclusive lower bound (epoch ms). */
	startMs: number;
	apiQuery: QueryPairs;
	deadline: number;
}

const keyOf = (stream: StreamDeclaration, record: IDataObject) => parseInstant(stream.timeOf(record))?.key ?? '';

/** Records in time order: each key parsed once, and no sort at all when the API already ordered them. */
function inTimeOrder(stream: StreamDeclaration, records: IDataObject[]): IDataObject[] {
	const keyed = records.map((record) => ({ record, key: keyOf(stream, record) }));
	const ordered = keyed.every((entry, i) => i === 0 || keyed[i - 1].key <= entry.key);
	if (!ordered) keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	return keyed.map((entry) => entry.record);
}

/** Every event of one millisecond, through the paged search (used when a whole page shares an instant). */
async function* eventsOfInstant(read: ReadContext, ms: number): AsyncGenerator<IDataObject> {
	for (const system of SEARCH_SYSTEMS) {
		const request = {
			method: 'GET' as const,
			path: '/v3/Events/search',
			query: [
				['TimePeriod.StartDate', toApiDate(ms)],
				['TimePeriod.EndDate', toApiDate(ms + 1)],
				['OperatingSystem', system],
			] as QueryPairs,
			label: 'Trigger: Events search',
			permissionArea: read.stream.permissionArea,
			deadline: read.deadline,
		};
		yield* paginate(read.ctx, request, 'eventsEnvelope');
	}
}

/**
 * Client events from `startMs` on, in ingestion order. Each next page starts at the newest instant of the
 * page before (inclusive, so the caller drops repeats); a full page that does not move forward is read
 * through Events/search for that millisecond and then passed.
 */
async function* readFromStartDate(read: ReadContext): AsyncGenerator<IDataObject> {
	const fetchFrom = (start: number) =>
		apiRequest<IDataObject>(read.ctx, {
			method: 'GET',
			path: read.stream.path,
			query: [
				['StartDate', toApiDate(start)],
				['RecordSize', EVENT_PAGE],
			],
			label: 'Trigger: New Client Event',
			permissionArea: read.stream.permissionArea,
			deadline: read.deadline,
		});
	let start = read.startMs;
	let page = fetchFrom(start);
	for (;;) {
		const { body } = await page;
		const events = inTimeOrder(read.stream, (body?.events ?? []) as IDataObject[]);
		const full = events.length >= EVENT_PAGE;
		const newest = full ? (parseInstant(read.stream.timeOf(events[events.length - 1]))?.ms ?? start) : start;
		// The next page depends only on this page's newest instant: ask for it while this one is processed.
		if (full && newest > start) {
			page = fetchFrom(newest);
			page.catch(() => undefined); // awaited on the next turn; not unhandled if the reader stops first
		}
		yield* events;
		if (!full) return;
		if (newest > start) {
			start = newest;
		} else {
			yield* eventsOfInstant(read, start);
			start += 1;
			page = fetchFrom(start);
		}
	}
}

async function* readAscending(read: ReadContext): AsyncGenerator<IDataObject> {
	const filter = read.stream.dateFilter!;
	yield* paginate(read.ctx, {
		method: 'GET',
		path: read.stream.path,
		query: [
			...read.apiQuery,
			[`${filter}.Dates`, [toApiDate(read.startMs), FAR_FUTURE]],
			[`${filter}.SelectionMode`, 'Range'],
			['Sorts[0].by', read.stream.sortBy ?? 'created'],
			['Sorts[0].order', 'asc'],
		],
		label: `Trigger: ${read.stream.name}`,
		permissionArea: read.stream.permissionArea,
		deadline: read.deadline,
	}, 'envelope', { concurrency: 2 });
}

/** Reads newest first down to `startMs`, then hands the records over oldest first. */
async function* readNewestFirst(read: ReadContext): AsyncGenerator<IDataObject> {
	const fresh: IDataObject[] = [];
	const pages = paginate(read.ctx, {
		method: 'GET',
		path: read.stream.path,
		query: [...read.apiQuery, ['Sorts[0].by', read.stream.sortBy ?? 'created'], ['Sorts[0].order', 'desc']],
		label: `Trigger: ${read.stream.name}`,
		permissionArea: read.stream.permissionArea,
		deadline: read.deadline,
	}, 'envelope', { concurrency: 1 });
	for await (const record of pages) {
		const instant = parseInstant(read.stream.timeOf(record));
		if (instant && instant.ms < read.startMs) break;
		fresh.push(record);
	}
	yield* inTimeOrder(read.stream, fresh);
}

export function readStream(read: ReadContext): AsyncGenerator<IDataObject> {
	switch (read.stream.strategy) {
		case 'fromStartDate':
			return readFromStartDate(read);
		case 'ascendingRange':
			return readAscending(read);
		default:
			return readNewestFirst(read);
	}
}

/** The newest few records, for "Fetch Test Event" (no cursor involved). */
export async function readSample(ctx: IPollFunctions, stream: StreamDeclaration, apiQuery: QueryPairs, count: number): Promise<IDataObject[]> {
	if (stream.strategy === 'fromStartDate') {
		for (const days of [1, 30]) {
			const { body } = await apiRequest<IDataObject>(ctx, {
				method: 'GET',
				path: stream.path,
				query: [
					['StartDate', toApiDate(Date.now() - days * 86_400_000)],
					['RecordSize', EVENT_PAGE],
				],
				label: 'Trigger: New Client Event',
				permissionArea: stream.permissionArea,
			});
			const events = inTimeOrder(stream, (body?.events ?? []) as IDataObject[]);
			if (events.length) return events.slice(-count).reverse();
		}
		return [];
	}
	const sample: IDataObject[] = [];
	const pages = paginate(ctx, {
		method: 'GET',
		path: stream.path,
		query: [...apiQuery, ['Sorts[0].by', stream.sortBy ?? 'created'], ['Sorts[0].order', 'desc']],
		label: `Trigger: ${stream.name}`,
		permissionArea: stream.permissionArea,
	}, 'envelope', { limit: count });
	for await (const record of pages) sample.push(record);
	return sample;
}
