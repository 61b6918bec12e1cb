'use strict';
/**
 * Hand-written end-to-end workflows, each with the check of its run. Every scenario declares the node
 * types it needs; a scenario whose node is not in package.json fails (a node is missing), it is not
 * silently skipped. The trigger workflow is built here too but runs under `n8n start` (see run.js).
 */
const W = require('./workflow');
const { nodeItems, nodeRuns, errorItems, binaryBuffer } = require('./runData');
const { policyXml } = require('./generate');

const T = (tag) => `beyondTrustPmCloud${tag}`;
const INVALID = 'not-a-uuid';

function assert(condition, message) {
	if (!condition) throw new Error(message);
}

function firstError(items) {
	return errorItems(items)[0]?.json?.error;
}

/** Chaining: Get Many → Get by the id of each listed item ($json.id, paired items). */
function chainScenario() {
	const start = W.manualTrigger('Start');
	const list = W.pmNode('List computers', 'Computers', { operation: 'getMany', returnAll: false, limit: 3 });
	const get = W.pmNode('Get each computer', 'Computers', { operation: 'get', computerId: W.byId('={{ $json.id }}') });
	const logs = W.pmNode('Get logs of first', 'Computers', { operation: 'getLogs', computerId: W.byId("={{ $('List computers').first().json.id }}"), returnAll: true }, { executeOnce: true });
	return {
		name: 'chain: Get Many → Get (per item)',
		needs: [T('Computers')],
		workflow: W.workflow(W.workflowId('e2e-scenario-chain'), 'E2E: chain Get Many → Get', [start, list, get, logs], W.chain(start, list, get, logs)),
		check(run) {
			const listed = nodeItems(run, 'List computers') ?? [];
			const got = nodeItems(run, 'Get each computer') ?? [];
			assert(listed.length === 3, `Get Many with limit 3 returned ${listed.length} items`);
			assert(got.length === listed.length, `Get ran for ${got.length} items, expected ${listed.length}`);
			listed.forEach((item, i) => {
				assert(item.json.id, `listed item ${i} has no id`);
				assert(got[i].json.id === item.json.id, `Get #${i} returned id ${got[i].json.id}, expected ${item.json.id} (the id of the listed item)`);
				assert(got[i].json.host === item.json.host, `Get #${i} host ${got[i].json.host} differs from the listed ${item.json.host}`);
			});
			assert(nodeRuns(run, 'Get logs of first')?.[0]?.status !== 'error', 'Get Logs failed');
			return `${listed.length} listed, ${got.length} fetched by id (ids and hosts match); Get Logs ran once`;
		},
	};
}

/** Upload a policy file, download it again, compare the bytes; same for a new revision. */
function policyRoundTripScenario() {
	const first = policyXml('E2E round trip 1');
	const second = policyXml('E2E round trip 2 – ✓ ünïcödé');
	const start = W.manualTrigger('Start');
	const text1 = W.setNode('Policy text 1', { xml: first });
	const file1 = W.textToFile('Policy file 1', 'xml', 'e2e-policy.xml');
	const create = W.pmNode('Create policy', 'Policies', { operation: 'create', binaryPropertyName: 'data', name: '=E2E round trip {{ $execution.id }}', additionalFields: { description: 'uploaded by the e2e test' } });
	const down1 = W.pmNode('Download revision 1', 'Policies', { operation: 'downloadLatestRevision', policyId: W.byId("={{ $('Create policy').first().json.id }}"), binaryPropertyName: 'data' });
	const b64a = W.fileToBase64('Bytes 1', 'base64');
	const text2 = W.setNode('Policy text 2', { xml: second });
	const file2 = W.textToFile('Policy file 2', 'xml', 'e2e-policy-2.xml');
	const upload = W.pmNode('Upload revision 2', 'Policies', { operation: 'uploadRevision', policyId: W.byId("={{ $('Create policy').first().json.id }}"), binaryPropertyName: 'data' });
	const down2 = W.pmNode('Download revision 2', 'Policies', { operation: 'downloadLatestRevision', policyId: W.byId("={{ $('Create policy').first().json.id }}"), binaryPropertyName: 'data' });
	const b64b = W.fileToBase64('Bytes 2', 'base64');
	const nodes = [start, text1, file1, create, down1, b64a, text2, file2, upload, down2, b64b];
	return {
		name: 'policy file: upload → download, bytes round-trip',
		needs: [T('Policies')],
		workflow: W.workflow(W.workflowId('e2e-scenario-policy'), 'E2E: policy upload/download round trip', nodes, W.chain(...nodes)),
		check(run) {
			const created = nodeItems(run, 'Create policy')?.[0]?.json;
			assert(created?.id, `Create returned no policy id: ${JSON.stringify(created)}`);
			const checks = [];
			for (const [node, b64node, sourceNode] of [
				['Download revision 1', 'Bytes 1', 'Policy text 1'],
				['Download revision 2', 'Bytes 2', 'Policy text 2'],
			]) {
				const expected = Buffer.from(String(nodeItems(run, sourceNode)?.[0]?.json?.xml ?? ''), 'utf8');
				assert(expected.length > 0, `${sourceNode} produced no text`);
				const downloaded = nodeItems(run, node)?.[0];
				assert(downloaded?.binary?.data, `${node} produced no binary field "data": ${JSON.stringify(downloaded?.json)}`);
				assert(downloaded.json.fileSize === expected.length, `${node} reports fileSize ${downloaded.json.fileSize}, uploaded ${expected.length} bytes`);
				const fromBase64 = Buffer.from(String(nodeItems(run, b64node)?.[0]?.json?.base64 ?? ''), 'base64');
				assert(fromBase64.equals(expected), `${node}: downloaded bytes differ from the uploaded file (${fromBase64.length} vs ${expected.length} bytes)`);
				const direct = binaryBuffer(downloaded);
				if (direct) assert(direct.equals(expected), `${node}: binary data in the run differs from the uploaded file`);
				checks.push(`${expected.length} B`);
			}
			return `policy ${created.id}: revision 1 (${checks[0]}) and revision 2 (${checks[1]}) downloaded byte-identical`;
		},
	};
}

/** n8n's HTTP Request node with our credential as a predefined credential type. */
function httpRequestScenario(sandboxUrl) {
	const start = W.manualTrigger('Start');
	const http = {
		id: W.uuid(),
		name: 'HTTP Request (PM Cloud credential)',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [0, 0],
		parameters: {
			method: 'GET',
			url: `${sandboxUrl}/management-api/v3/Computers`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: W.CREDENTIAL_TYPE,
			sendQuery: true,
			queryParameters: {
				parameters: [
					{ name: 'Pagination.PageNumber', value: '1' },
					{ name: 'Pagination.PageSize', value: '4' },
				],
			},
			options: {},
		},
		credentials: W.credentials(),
	};
	return {
		name: 'HTTP Request node with the credential (predefinedCredentialType)',
		needs: [],
		workflow: W.workflow(W.workflowId('e2e-scenario-http'), 'E2E: HTTP Request with the PM Cloud credential', [start, http], W.chain(start, http)),
		check(run) {
			const item = nodeItems(run, http.name)?.[0]?.json;
			assert(item, 'HTTP Request returned nothing');
			const data = item.data ?? item;
			assert(Array.isArray(data) && data.length === 4, `expected a page of 4 computers, got ${JSON.stringify(item).slice(0, 300)}`);
			assert(data.every((c) => c.id), 'computers without id');
			return `GET /management-api/v3/Computers → ${data.length} computers (pageCount ${item.pageCount ?? '?'})`;
		},
	};
}

/**
 * Bad input: an invalid ID (given as an expression, as it arrives from a previous node) stops the
 * workflow with our message; the same workflow with Continue On Fail completes with an error item.
 */
function badInputScenarios() {
	const make = (suffix, continueOnFail) => {
		const start = W.manualTrigger('Start');
		const extra = continueOnFail ? { onError: 'continueRegularOutput' } : {};
		const get = W.pmNode('Get computer (bad ID)', 'Computers', { operation: 'get', computerId: W.byId(`={{ "${INVALID}" }}`) }, extra);
		const req = W.pmNode('Get request (bad ID)', 'AdminAccessRequest', { operation: 'get', requestId: INVALID }, extra);
		const after = W.setNode('After', { reached: true }, { includeOtherFields: true });
		const nodes = [start, get, req, after];
		return W.workflow(W.workflowId(`e2e-scenario-bad-${suffix}`), `E2E: invalid ID${continueOnFail ? ' (Continue On Fail)' : ''}`, nodes, W.chain(...nodes));
	};
	return [
		{
			name: 'bad input: invalid ID fails with a clear message',
			needs: [T('Computers'), T('AdminAccessRequest')],
			expectFailure: true,
			workflow: make('fail', false),
			check(run, output) {
				const text = output;
				const field = 'Computer';
				assert(/is not a valid ID/.test(text), `the failure does not say "is not a valid ID":\n${text.slice(-1500)}`);
				assert(text.includes(`${field}: "${INVALID}" is not a valid ID`), `the message does not name the field "${field}" with the value:\n${text.slice(-1500)}`);
				return `failed as expected: ${field}: "${INVALID}" is not a valid ID`;
			},
		},
		{
			name: 'bad input with Continue On Fail outputs error items',
			needs: [T('Computers'), T('AdminAccessRequest')],
			workflow: make('continue', true),
			check(run) {
				const computerError = firstError(nodeItems(run, 'Get computer (bad ID)'));
				const requestError = firstError(nodeItems(run, 'Get request (bad ID)'));
				assert(computerError && /Computer/.test(computerError) && /is not a valid ID/.test(computerError), `no error item naming "Computer" … "is not a valid ID" (got ${JSON.stringify(nodeItems(run, 'Get computer (bad ID)'))})`);
				assert(requestError && /Request ID/.test(requestError) && /is not a valid ID/.test(requestError), `no error item naming "Request ID" … "is not a valid ID" (got ${JSON.stringify(nodeItems(run, 'Get request (bad ID)'))})`);
				assert(nodeItems(run, 'After')?.length, 'the workflow did not continue after the failing nodes');
				return `completed; error items: "${computerError}" / "${requestError}"`;
			},
		},
	];
}

/** The polling trigger on new client events, everyMinute, collected by a NoOp. */
function triggerWorkflow() {
	const trigger = {
		id: W.uuid(),
		name: 'PM Cloud Trigger',
		type: `${W.PACKAGE_NAME}.beyondTrustPmCloudTrigger`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {
			pollTimes: { item: [{ mode: 'everyMinute' }] },
			event: 'newClientEvent',
			startFrom: 'now',
			output: 'simplified',
			options: {},
		},
		credentials: W.credentials(),
	};
	const sink = W.noOp('Collected');
	return { workflow: W.workflow(W.workflowId('e2e-trigger-client-events'), 'E2E: trigger on new client events', [trigger, sink], W.chain(trigger, sink)), triggerName: trigger.name };
}

module.exports = { chainScenario, policyRoundTripScenario, httpRequestScenario, badInputScenarios, triggerWorkflow, INVALID };
