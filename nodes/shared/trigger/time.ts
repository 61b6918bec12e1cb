/**
 * The API's timestamps come as `2026-04-08T14:32:15.2340000` (audits: no zone, meaning UTC),
 * `...2340000Z` or `...2340000+00:00` (events). JavaScript dates keep milliseconds only, so instants are
 * compared by a canonical key with all 7 fractional digits: `2026-04-08T14:32:15.2340000Z`, which sorts
 * lexicographically in time order.
 */
const PATTERN = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d\d:?\d\d)?$/i;

export interface Instant {
	/** Canonical, sortable: `YYYY-MM-DDTHH:MM:SS.fffffffZ` (UTC). */
	key: string;
	/** Milliseconds since the epoch (fraction truncated). */
	ms: number;
}

export function parseInstant(raw: unknown): Instant | undefined {
	if (typeof raw !== 'string') return undefined;
	const m = PATTERN.exec(raw.trim());
	if (!m) return undefined;
	const [, y, mo, d, h, mi, s = '00', fraction = '', zone = 'Z'] = m;
	let offsetMinutes = 0;
	if (zone.toUpperCase() !== 'Z') {
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
	}
	const wholeSeconds = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) - offsetMinutes * 60_000;
	if (Number.isNaN(wholeSeconds)) return undefined;
	const frac7 = fraction.padEnd(7, '0').slice(0, 7);
	const iso = new Date(wholeSeconds).toISOString().slice(0, 19);
	return { key: `${iso}.${frac7}Z`, ms: wholeSeconds + Number(frac7.slice(0, 3)) };
}

/** What the API is sent: ISO with millisecond precision and `Z` (older tenants reject more digits). */
export function toApiDate(ms: number): string {
	return new Date(ms).toISOString();
}

export function instantFromMs(ms: number): Instant {
	return { key: `${new Date(ms).toISOString().slice(0, 23)}0000Z`, ms };
}
