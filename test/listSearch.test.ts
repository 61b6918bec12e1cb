/**
 * Resource locators "From list": the listSearch methods through n8n-core's LoadOptionsContext (the context
 * the editor uses), against the sandbox.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { IDataObject, INode, IWorkflowSettings } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { BeyondTrustPmCloudPolicies } from '../nodes/BeyondTrustPmCloudPolicies/BeyondTrustPmCloudPolicies.node';
import { listSearch, searchMethodName } from '../nodes/shared/engine/locators';
import { type Sandbox, startSandbox } from './sandbox';
import { createHarness, makeNode, type Harness } from './helpers/n8n';

const policiesNode = new BeyondTrustPmCloudPolicies();
let sandbox: Sandbox;
let harness: Harness;

beforeAll(async () => {
	sandbox = await startSandbox({ seed: { computers: 120, policies: 6 } });
	harness = createHarness([policiesNode], { baseUrl: sandbox.url, authentication: 'clientCredentials', clientId: 'sandbox-client', clientSecret: 'sandbox-secret' });
});
afterAll(async () => await sandbox?.close());

function context(parameters: IDataObject): LoadOptionsContext {
	const node: INode = makeNode(policiesNode, parameters);
	const workflow = new Workflow({ id: 'wf', nodes: [node], connections: {}, active: false, nodeTypes: harness.nodeTypes, settings: {} as IWorkflowSettings });
	return new LoadOptionsContext(workflow, node, harness.additionalData, 'parameters.x');
}

const search = (kind: string, parameters: IDataObject, filter?: string, token?: string) =>
	listSearch[searchMethodName(kind as never)].call(context(parameters) as never, filter, token);

it('lists computers page by page with a token, searching on the server', async () => {
	const first = await search('computer', { operation: 'get' });
	expect(first.results).toHaveLength(50);
	expect(first.paginationToken).toBe('2');
	const names = first.results.map((r) => r.name);
	expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	const third = await search('computer', { operation: 'get' }, undefined, '3');
	expect(third.results).toHaveLength(20);
	expect(third.paginationToken).toBeUndefined();
	const host = names[0];
	const found = await search('computer', { operation: 'get' }, host);
	expect(found.results.map((r) => r.name)).toContain(host);
	expect(sandbox.requests[sandbox.requests.length - 1].query).toContainEqual(['Filter.Host', host]);
});

it('lists the revisions of the policy picked in the node, and nothing before a policy is picked', async () => {
	const policy = sandbox.state.policies.all()[0];
	const none = await search('policyRevision', { operation: 'downloadRevision' });
	expect(none.results).toEqual([]);
	const revisions = await search('policyRevision', { operation: 'downloadRevision', policyId: { __rl: true, mode: 'id', value: policy.id } });
	expect(revisions.results.length).toBeGreaterThan(0);
	expect(revisions.results[0].name).toMatch(/^Revision \d+/);
	expect(sandbox.requests[sandbox.requests.length - 1].path).toBe(`/management-api/v3/Policies/${policy.id}/Revisions`);
});

it('has a list for every kind, each returning IDs the API accepts', async () => {
	for (const kind of ['computer', 'group', 'policy', 'user', 'role', 'globalRole']) {
		const { results } = await search(kind, { operation: 'get' });
		expect(`${kind}: ${results.length > 0}`).toBe(`${kind}: true`);
		for (const result of results) expect(String(result.value)).toMatch(/^[0-9a-f-]{36}$/i);
	}
});
