// Events: cursor reads by ingestion time (FromStartDate) and windowed, paged search.
import { endOfDayKey, parseDate } from '../dates';
import type { EventRecord } from '../events';
import { EVENT_KINDS } from '../names';
import { invalid } from '../problem';
import { assertInt, pageOf, parsePaging } from '../query';
import { HandlerTable, ok } from './context';

const OS_FAMILY: Record<string, string> = { windows: 'windows', mac: 'macos', macos: 'macos', osx: 'macos' };

/** Values of a repeatable parameter; comma-separated lists are split too. */
const multi = (values: string[]) => values.flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean);

export const eventHandlers: HandlerTable = {
	/**
	 * Events with `event.ingested >= StartDate` (inclusive, 100 ns precision), ordered by ingestion
	 * then event id, at most RecordSize (1..1000, default 1000).
	 */
	'GET /v3/Events/FromStartDate': (ctx) => {
		const raw = ctx.query.get('StartDate')!;
		const start = parseDate(raw);
		if (!start) throw invalid('StartDate', 'Invalid Start date format.');
		const sizeRaw = ctx.query.get('RecordSize');
		const size = sizeRaw === undefined ? 1000 : assertInt(sizeRaw, 'RecordSize');
		if (size < 1 || size > 1000) throw invalid('RecordSize', 'RecordSize must be between 1 and 1000.');
		const log = ctx.state.events;
		const events = log.from(start.key, size).map((r) => log.json(r));
		return ok({ totalRecordsReturned: events.length, events });
	},

	/**
	 * Events ingested in [TimePeriod.StartDate, TimePeriod.EndDate] (a date-only end covers the day) for
	 * one OperatingSystem (Windows|Mac), optionally by ComputerGroups, Events.EventAction / EventCode /
	 * EventType (repeated keys or comma lists, case-insensitive), paged.
	 */
	'GET /v3/Events/search': (ctx) => {
		const q = ctx.query;
		const paging = parsePaging(q);
		const start = parseDate(q.get('TimePeriod.StartDate')!)!;
		const end = parseDate(q.get('TimePeriod.EndDate')!)!;
		const endKey = end.dateOnly ? endOfDayKey(end.key) : end.key;
		if (endKey < start.key) throw invalid('TimePeriod.EndDate', 'EndDate must not be earlier than StartDate.');
		const osRaw = q.get('OperatingSystem')!;
		const family = OS_FAMILY[osRaw.toLowerCase()];
		if (!family) throw invalid('OperatingSystem', `'${osRaw}' is not a valid operating system (Windows|Mac).`);
		const groups = multi(q.getAll('ComputerGroups'));
		const actions = multi(q.getAll('Events.EventAction'));
		const codes = multi(q.getAll('Events.EventCode'));
		const types = multi(q.getAll('Events.EventType'));
		const matches = (r: EventRecord) => {
			const kind = EVENT_KINDS[r.kind];
			return (
				(r.computer?.hostType === 'Mac' ? 'macos' : 'windows') === family &&
				(!groups.length || groups.includes(String(r.groupId).toLowerCase())) &&
				(!actions.length || actions.includes(kind.action) || actions.includes(kind.epmAction.toLowerCase())) &&
				(!codes.length || codes.includes(kind.code)) &&
				(!types.length || types.includes('process') || kind.type.some((t) => types.includes(t)))
			);
		};
		const log = ctx.state.events;
		const page = pageOf(log.between(start.key, endKey).filter(matches), paging);
		return ok({
			pageNumber: page.pageNumber,
			pageSize: page.pageSize,
			pageCount: page.pageCount,
			totalRecordCount: page.totalRecordCount,
			events: page.items.map((r) => log.json(r)),
		});
	},
};
