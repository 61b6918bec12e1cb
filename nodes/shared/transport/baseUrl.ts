/**
 * The tenant's API host, as users paste it, turned into the origin every request is built on.
 *
 * Accepted: `https://acme-services.pm.beyondtrustcloud.com`, with or without trailing slashes or a
 * `/management-api[/vN]` suffix. A console host (`https://acme.pm.beyondtrustcloud.com`) is turned
 * into its `-services` API host. Plain `http` is allowed for loopback only (the sandbox).
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const CONSOLE_HOST = /^([^.]+?)(\.pm\.beyondtrustcloud\.com)$/i;

/** Thrown for a Base URL that cannot be used; the message says how to write it. */
export class BaseUrlError extends Error {}

export function normalizeBaseUrl(input: unknown): string {
	const result = parseBaseUrl(input);
	if ('problem' in result) throw new BaseUrlError(result.problem);
	return result.url;
}

function parseBaseUrl(input: unknown): { url: string } | { problem: string } {
	const raw = typeof input === 'string' ? input.trim() : '';
	if (!raw) {
		return {
			problem: 'The Base URL is empty. Enter the API host of your tenant, e.g. https://acme-services.pm.beyondtrustcloud.com',
		};
	}
	let url: URL;
	try {
		url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
	} catch {
		return { problem: `The Base URL "${raw}" is not a URL. Enter it as https://<tenant>-services.pm.beyondtrustcloud.com` };
	}
	const loopback = LOOPBACK_HOSTS.has(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
		return { problem: `The Base URL must use https (plain http is only allowed for localhost); got "${url.protocol}//${url.host}"` };
	}
	const consoleHost = CONSOLE_HOST.exec(url.hostname);
	if (consoleHost && !consoleHost[1].toLowerCase().endsWith('-services')) {
		url.hostname = `${consoleHost[1]}-services${consoleHost[2]}`;
	}
	const path = url.pathname.replace(/\/+$/, '').replace(/\/management-api(\/.*)?$/i, '');
	return { url: `${url.protocol}//${url.host}${path}` };
}

/**
 * The same normalisation as an n8n expression, for the credential test request (which n8n resolves
 * itself, without our code). Kept next to the function it mirrors; a unit test checks they agree.
 */
export const BASE_URL_EXPRESSION =
	'={{$credentials.baseUrl.trim().replace(/\\/+$/, "").replace(/\\/management-api(\\/.*)?$/i, "").replace(/^(https?:\\/\\/)?([^./]+?)(?<!-services)(\\.pm\\.beyondtrustcloud\\.com)/i, "$1$2-services$3")}}';
