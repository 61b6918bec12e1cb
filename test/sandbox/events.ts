// ECS-shaped endpoint events (reference §5.2) and their ingestion-ordered log.
// Seeding keeps one small record per event; the ECS JSON is built (once) when an event is first read,
// so 100,000 events seed in a fraction of a second.
import { isoMs, key7 } from './dates';
import type { Computer, EcsEvent, JsonObject } from './models';
import { APPS, EVENT_KINDS } from './names';
import { hashString, Prng } from './prng';
import { endpointInformation } from './seed';
import type { EndpointUser } from './seed';
import { OrderedLog } from './store';

export interface EventSource {
	computers: () => readonly Computer[];
	endpointUsers: () => readonly EndpointUser[];
	tenantId: string;
	/** The policy a group applies, for the EPMWinMac.Configuration block. */
	policyOf: (groupId: string | null) => { id: string; name: string; revision: number } | undefined;
}

/** What is drawn when an event is ingested; enough to build its JSON later, deterministically. */
export interface EventRecord {
	/** Ingestion key (UTC, 7 fractional digits). */
	key: string;
	/** event.id */
	id: string;
	suffix: 'Z' | '+00:00';
	timestampMs: number;
	computer?: Computer;
	groupId: string | null;
	kind: number;
	app: number;
	user: number;
	pid: number;
	createdLagMs: number;
	json?: EcsEvent;
}

export interface NewEvent {
	key: string;
	suffix: 'Z' | '+00:00';
	timestampMs: number;
	computer?: Computer;
	code?: string;
}

const WEIGHTED_KINDS = EVENT_KINDS.map((k, i) => [i, k.weight] as const);
const APP_INDEX = { mac: APPS.flatMap((a, i) => (a.mac ? [i] : [])), windows: APPS.flatMap((a, i) => (a.mac ? [] : [i])) };
const CATEGORY = ['process'];
const { floor } = Math; // global lookups are slow inside jest's vm context

export class EventFactory {
	private readonly hosts = new Map<string, { host: EcsEvent['host']; agent: JsonObject }>();

	constructor(
		private readonly rng: Prng,
		private readonly source: EventSource,
	) {}

	/** A Windows or Mac computer (EPM events come from those agents). */
	pickComputer(): Computer | undefined {
		const list = this.source.computers();
		for (let tries = 0; tries < 8 && list.length; tries++) {
			const c = list[floor(this.rng.next() * list.length)];
			if (c.hostType !== 'Linux') return c;
		}
		return list.find((c) => c.hostType !== 'Linux');
	}

	record(input: NewEvent): EventRecord {
		const rng = this.rng;
		const computer = input.computer ?? this.pickComputer();
		const codeIndex = input.code ? EVENT_KINDS.findIndex((k) => k.code === input.code) : -1;
		return {
			key: input.key,
			id: rng.uuid(),
			suffix: input.suffix,
			timestampMs: input.timestampMs,
			computer,
			groupId: computer?.groupId ?? null,
			kind: codeIndex >= 0 ? codeIndex : rng.weighted(WEIGHTED_KINDS),
			app: rng.pick(computer?.hostType === 'Mac' ? APP_INDEX.mac : APP_INDEX.windows),
			user: floor(rng.next() * 1e6),
			pid: rng.int(400, 65000),
			createdLagMs: rng.int(5, 900),
		};
	}

	/** host/agent blocks per computer, derived from its id. */
	private hostOf(c: Computer) {
		let cached = this.hosts.get(c.id);
		if (!cached) {
			const rng = new Prng(hashString(c.id));
			const mac = c.hostType === 'Mac';
			const info = endpointInformation(c);
			cached = {
				host: {
					hostname: c.host,
					name: c.host,
					id: c.id,
					ip: [`10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`],
					architecture: mac ? 'arm64' : 'x86_64',
					domain: c.domain,
					os: mac
						? { type: 'macos', platform: 'darwin', name: 'macOS', family: 'macos', version: String(info.osVersion), full: String(info.osVersionString) }
						: { type: 'windows', platform: 'windows', name: String(info.osCaption), family: 'windows', version: String(info.osVersion), full: String(info.osVersionString) },
				},
				agent: { id: rng.uuid(), version: c.agentVersion, ephemeral_id: rng.uuid(), type: 'EPM' },
			};
			this.hosts.set(c.id, cached);
		}
		return cached;
	}

	/** The event's ECS JSON (built on first use, then kept, so edits by tests stick). */
	json(r: EventRecord): EcsEvent {
		if (r.json) return r.json;
		const kind = EVENT_KINDS[r.kind];
		const app = APPS[r.app];
		const users = this.source.endpointUsers();
		const user = users[r.user % users.length];
		const { host, agent } = r.computer
			? this.hostOf(r.computer)
			: { host: { hostname: 'UNKNOWN', name: 'UNKNOWN', id: r.id, os: { type: 'windows', platform: 'windows', name: 'Windows', family: 'windows' } }, agent: { id: r.id } };
		const policy = this.source.policyOf(r.groupId);
		const sep = app.mac ? '/' : '\\';
		const signed = app.publisher !== 'Unknown';
		r.json = {
			'@timestamp': isoMs(r.timestampMs),
			agent,
			ecs: { version: '8.11.0' },
			event: {
				id: r.id,
				code: kind.code,
				kind: 'event',
				category: CATEGORY,
				type: kind.type,
				action: kind.action,
				outcome: kind.outcome,
				provider: 'BeyondTrust EPM',
				reason: kind.reason,
				created: isoMs(r.timestampMs + r.createdLagMs),
				ingested: r.key + r.suffix,
			},
			host,
			user: user ? { id: user.id, name: user.name, domain: user.domain } : undefined,
			file: {
				name: app.name,
				path: app.path,
				directory: app.path.slice(0, app.path.lastIndexOf(sep)),
				extension: app.name.includes('.') ? app.name.slice(app.name.lastIndexOf('.') + 1) : '',
				hash: { sha256: new Prng(hashString(app.path)).hex(64) },
				code_signature: { exists: signed, subject_name: app.publisher, valid: signed },
				pe: app.mac ? undefined : { product: app.product, file_version: app.version, description: app.product },
			},
			process: {
				pid: r.pid,
				command_line: app.mac ? app.path : `"${app.path}"`,
				executable: app.path,
				ElevationRequired: kind.epmAction === 'Elevate',
			},
			EPMWinMac: {
				SchemaVersion: '24.7.0',
				GroupId: r.groupId,
				TenantId: this.source.tenantId,
				Event: { Action: kind.epmAction, Type: 'Process' },
				Configuration: policy
					? { Identifier: policy.id, Name: policy.name, RevisionNumber: policy.revision, ApplicationGroup: { Name: `${app.product} apps` } }
					: undefined,
			},
		};
		return r.json;
	}

	/**
	 * `n` seed records ingested over the window ending at `endMs`: mixed `Z`/`+00:00` suffixes,
	 * some sharing one ingestion instant, ~5% arriving late (old @timestamp).
	 */
	seed(n: number, endMs: number): EventRecord[] {
		const rng = this.rng;
		const span = Math.min(7 * 86_400_000, Math.max(60_000, n * 20_000));
		const gap = span / Math.max(1, n);
		let t = endMs - span;
		let key = '';
		const out: EventRecord[] = [];
		for (let i = 0; i < n; i++) {
			if (i === 0 || !rng.chance(0.08)) {
				t += rng.next() * 2 * gap;
				key = key7(floor(t), rng.int(0, 9999));
			}
			out.push(this.record({ key, suffix: rng.chance(0.5) ? 'Z' : '+00:00', timestampMs: lagged(rng, floor(t)) }));
		}
		return out;
	}
}

/** The endpoint time of an event ingested at `ingestedMs`: usually seconds earlier, sometimes days. */
export function lagged(rng: Prng, ingestedMs: number): number {
	return ingestedMs - (rng.chance(0.05) ? rng.int(3_600_000, 3 * 86_400_000) : rng.int(200, 60_000));
}

/** Events ordered by (event.ingested, event.id); `json()` gives an event's ECS document. */
export class EventLog extends OrderedLog<EventRecord> {
	constructor(private readonly factory: () => EventFactory) {
		super();
	}

	json(record: EventRecord): EcsEvent {
		return this.factory().json(record);
	}

	/** Every event as ECS JSON, in ingestion order (builds each one not built yet). */
	all(): EcsEvent[] {
		return this.rows().map((r) => this.json(r));
	}
}
