// Date parsing and formatting. Instants are compared through a "key": the UTC time written as
// `YYYY-MM-DDTHH:mm:ss.fffffff` (7 fractional digits, 100 ns precision), which sorts as a string.

export interface ParsedDate {
	/** Epoch milliseconds (sub-millisecond digits dropped). */
	ms: number;
	/** Sortable UTC key with 7 fractional digits. */
	key: string;
	/** The input had no time part (e.g. `2020-12-24`). */
	dateOnly: boolean;
}

const DATE_RE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(?:\s?(Z|[+-]\d{2}:?\d{2}))?)?$/i;

/**
 * Accepts `2020-12-24`, `2020-12-24 19:09:47`, `2020-12-24 19:09:47.6816562`,
 * `2020-12-24 19:09:47.6816562 +00:00` and ISO 8601 (`T`, `Z` or an offset). No zone = UTC.
 * Returns undefined for anything else.
 */
export function parseDate(input: string): ParsedDate | undefined {
	const m = DATE_RE.exec(input.trim());
	if (!m) return undefined;
	const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
	const local = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
	const check = new Date(local);
	if (
		check.getUTCFullYear() !== +y ||
		check.getUTCMonth() !== +mo - 1 ||
		check.getUTCDate() !== +d ||
		+h > 23 ||
		+mi > 59 ||
		+s > 59
	) {
		return undefined;
	}
	let offsetMin = 0;
	if (zone && zone.toUpperCase() !== 'Z') {
		const digits = zone.replace(':', '');
		offsetMin = (digits[0] === '-' ? -1 : 1) * (+digits.slice(1, 3) * 60 + +digits.slice(3, 5));
	}
	const frac7 = frac.padEnd(7, '0');
	const ms = local - offsetMin * 60000 + +frac7.slice(0, 3);
	return { ms, key: new Date(ms).toISOString().slice(0, 19) + '.' + frac7, dateOnly: m[4] === undefined };
}

/** Key of a stored timestamp; fast paths for the formats the sandbox itself writes. */
export function toKey(value: string): string | undefined {
	const n = value.length;
	if (n === 24 && value[23] === 'Z' && value[10] === 'T') return value.slice(0, 23) + '0000';
	if (n === 27 && value[10] === 'T' && value[19] === '.') return value;
	if (n === 28 && value[27] === 'Z' && value[19] === '.') return value.slice(0, 27);
	return parseDate(value)?.key;
}

// Module-level aliases: global lookups are slow inside jest's vm context (seeding formats 100,000s of dates).
const { floor } = Math;
const NativeDate = Date;
const minutePrefixes = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? '0' : '') + n;
const pad3 = (n: number) => (n < 10 ? '00' : n < 100 ? '0' : '') + n;
const pad4 = (n: number) => (n < 10 ? '000' : n < 100 ? '00' : n < 1000 ? '0' : '') + n;

/** `YYYY-MM-DDTHH:mm:ss.sss` of an epoch time (the minute part cached). */
function toMillis(ms: number): string {
	const t = floor(ms);
	const minute = floor(t / 60000);
	let prefix = minutePrefixes.get(minute);
	if (prefix === undefined) {
		if (minutePrefixes.size > 50_000) minutePrefixes.clear();
		prefix = new NativeDate(minute * 60000).toISOString().slice(0, 17);
		minutePrefixes.set(minute, prefix);
	}
	const rest = t - minute * 60000;
	return `${prefix}${pad2(floor(rest / 1000))}.${pad3(rest % 1000)}`;
}

/** `YYYY-MM-DDTHH:mm:ss.sssZ` (what JSON/ISO clients expect); fast, seeding formats 100,000s of these. */
export function isoMs(ms: number): string {
	return `${toMillis(ms)}Z`;
}

/**
 * Key for an epoch time plus 0..9999 extra 100 ns ticks. Also the activity-audit `created` format
 * (7 fractional digits, no zone: `2026-04-08T14:32:15.2340000`).
 */
export function key7(ms: number, subTicks = 0): string {
	return `${toMillis(ms)}${pad4(subTicks)}`;
}

export function endOfDayKey(key: string): string {
	return key.slice(0, 10) + 'T23:59:59.9999999';
}

/** Epoch ms of a key. */
export function keyToMs(key: string): number {
	return Date.parse(key.slice(0, 23) + 'Z');
}

/** Accepts a Date, epoch ms or a parsable string; returns a key. Throws on garbage. */
export function anyToKey(value: string | number | Date): string {
	if (value instanceof Date) return key7(value.getTime());
	if (typeof value === 'number') return key7(value);
	const parsed = parseDate(value);
	if (!parsed) throw new Error(`Unparsable date: ${value}`);
	return parsed.key;
}
