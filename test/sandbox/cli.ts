// Runs the sandbox as a process:
//   npx ts-node --transpile-only test/sandbox/cli.ts --port 5680 --latency 50 --rate-limit 1000/100 \
//     --computers 20000 --events 100000
// Prints one JSON line {"url","clientId","clientSecret"} on stdout; the control API is at `${url}/__sandbox/`.
import { DEFAULT_CLIENT, SandboxOptions, startSandbox } from './index';

const HELP = `Options:
  --port N               listen port on 127.0.0.1 (default 0 = any free port)
  --latency MS           added to every API response
  --rate-limit N/S       N requests per S seconds per client (e.g. 1000/100; S may end in ms or s)
  --token-ttl S          token lifetime in seconds (default 3600)
  --client-id ID         client id (default ${DEFAULT_CLIENT.clientId})
  --client-secret SECRET client secret (default ${DEFAULT_CLIENT.clientSecret})
  --task-duration MS     how long tasks stay Running
  --computers N --events N --users N --groups N --policies N --activity-audits N
  --authorization-requests N --admin-access-requests N --seed N   seed sizes and PRNG seed`;

const SEED_FLAGS: Record<string, string> = {
	computers: 'computers',
	events: 'events',
	users: 'users',
	groups: 'groups',
	policies: 'policies',
	'activity-audits': 'activityAudits',
	'authorization-requests': 'authorizationRequests',
	'admin-access-requests': 'adminAccessRequests',
	seed: 'randomSeed',
};

function number(flag: string, value: string | undefined): number {
	const n = Number(value);
	if (value === undefined || !Number.isFinite(n) || n < 0) throw new Error(`--${flag} needs a non-negative number`);
	return n;
}

/** `1000/100` (seconds), `1000/100s` or `5/500ms`. */
export function parseRateLimit(value: string): { requests: number; windowMs: number } {
	const m = /^(\d+)\/(\d+(?:\.\d+)?)(ms|s)?$/.exec(value.trim());
	if (!m) throw new Error(`--rate-limit must look like 1000/100 (requests/seconds), got '${value}'`);
	return { requests: Number(m[1]), windowMs: Number(m[2]) * (m[3] === 'ms' ? 1 : 1000) };
}

export function parseArgs(argv: string[]): SandboxOptions {
	const options: SandboxOptions = {};
	const seed: Record<string, number> = {};
	let clientId = DEFAULT_CLIENT.clientId;
	let clientSecret = DEFAULT_CLIENT.clientSecret;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [flag, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s) : [arg, undefined];
		const value = () => inline ?? argv[++i];
		if (flag === 'help' || flag === 'h') throw new Error(HELP);
		else if (flag === 'port') options.port = number(flag, value());
		else if (flag === 'latency') options.latencyMs = number(flag, value());
		else if (flag === 'rate-limit') options.rateLimit = parseRateLimit(value() ?? '');
		else if (flag === 'token-ttl') options.tokenTtlSeconds = number(flag, value());
		else if (flag === 'task-duration') options.taskDurationMs = number(flag, value());
		else if (flag === 'client-id') clientId = value() ?? clientId;
		else if (flag === 'client-secret') clientSecret = value() ?? clientSecret;
		else if (SEED_FLAGS[flag]) seed[SEED_FLAGS[flag]] = number(flag, value());
		else throw new Error(`Unknown option '${arg}'.\n${HELP}`);
	}
	options.seed = seed;
	options.clients = [{ clientId, clientSecret }];
	return options;
}

async function main(): Promise<void> {
	let options: SandboxOptions;
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (err) {
		process.stderr.write(`${(err as Error).message}\n`);
		process.exit(2);
	}
	const sandbox = await startSandbox(options);
	const [client] = sandbox.clients;
	process.stdout.write(`${JSON.stringify({ url: sandbox.url, clientId: client.clientId, clientSecret: client.clientSecret })}\n`);
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((err) => {
		process.stderr.write(`sandbox failed to start: ${(err as Error).stack ?? err}\n`);
		process.exit(1);
	});
}
