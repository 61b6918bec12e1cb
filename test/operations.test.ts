/**
 * Every operation of every node, through n8n's engine, against the sandbox over HTTP: the request the
 * sandbox received (method, path, query, body) and the items the node returned.
 * The cases live in test/operations/<tag>.cases.ts.
 */
import { readdirSync } from 'fs';
import { join } from 'path';

import type { IDataObject, INodeType } from 'n8n-workflow';

import { TAGS } from '../nodes/shared/catalogue';
import { type Sandbox, startSandbox } from './sandbox';
import { createHarness, makeNode, runNode, type Harness } from './helpers/n8n';
import type { TagCases } from './operations/types';

const caseFiles = readdirSync(join(__dirname, 'operations')).filter((file) => file.endsWith('.cases.ts'));
const allCases: TagCases[] = caseFiles.map((file) => require(join(__dirname, 'operations', file)).cases as TagCases);

function nodeFor(tag: string): INodeType {
	const dir = `BeyondTrustPmCloud${tag}`;
	return new (require(join(__dirname, '..', 'nodes', dir, `${dir}.node.ts`))[dir])() as INodeType;
}

let sandbox: Sandbox;
let harness: Harness;
const types = TAGS.map((tag) => nodeFor(tag.tag));

beforeAll(async () => {
	sandbox = await startSandbox();
	harness = createHarness(types, {
		baseUrl: sandbox.url,
		authentication: 'clientCredentials',
		clientId: 'sandbox-client',
		clientSecret: 'sandbox-secret',
	});
});
afterAll(async () => await sandbox?.close());

it('has at least one case for every operation of every node', () => {
	const covered = new Set(allCases.flatMap((file) => file.cases.map((c) => `${file.tag}.${c.operation}`)));
	const missing = TAGS.flatMap((tag) => tag.operations.map((op) => `${tag.tag}.${op.value}`)).filter((key) => !covered.has(key));
	expect(missing).toEqual([]);
});

for (const file of allCases) {
	describe(file.tag, () => {
		for (const testCase of file.cases) {
			it(testCase.title ?? testCase.operation, async () => {
				const type = types.find((t) => t.description.name === `beyondTrustPmCloud${file.tag}`)!;
				const extra = testCase.prepare ? await testCase.prepare(sandbox) : {};
				const parameters: IDataObject = { operation: testCase.operation, ...(testCase.parameters ?? {}), ...extra };
				const input = testCase.input ? await testCase.input(sandbox) : [{ json: {} }];
				const before = sandbox.requests.length;
				const { items, error } = await runNode(harness, makeNode(type, parameters), input);
				expect(error?.message).toBeUndefined();
				const sent = sandbox.requests.slice(before);
				expect(sent.length).toBeGreaterThan(0);
				const last = sent[sent.length - 1];
				const expected = testCase.expectRequest(sandbox, parameters);
				expect(`${last.method} ${last.path}`).toBe(`${expected.method} ${expected.path}`);
				if (expected.query) {
					const actual = last.query.filter(([key]) => expected.query!.some(([k]) => k === key));
					expect(actual).toEqual(expected.query);
				}
				if (expected.body !== undefined) expect(last.body).toEqual(expected.body);
				for (const item of items) expect(item.pairedItem).toBeDefined();
				await testCase.expectOutput(items, sandbox, sent);
			});
		}
	});
}
