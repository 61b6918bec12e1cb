/**
 * The declarations against the reference catalogue (test/fixtures/pmcloud-operations.json, copied from the
 * research): every operation is reachable from exactly one node operation with the same method and path.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import type { INodeProperties, INodeType } from 'n8n-workflow';

import { TAGS } from '../nodes/shared/catalogue';
import { codexFor, nodeDir, operationsTable, packageNodes, readmeWithTable } from '../scripts/sync-nodes';
import { nodeName } from '../nodes/shared/engine/actionNode';

interface CatalogueOperation {
	tag: string;
	method: string;
	path: string | null;
	pathCandidates?: string[];
	evidence: string;
}

const ROOT = join(__dirname, '..');
const catalogue = JSON.parse(readFileSync(join(__dirname, 'fixtures/pmcloud-operations.json'), 'utf8')) as CatalogueOperation[];
const catalogueKey = (op: CatalogueOperation) => `${op.method} ${op.path ?? op.pathCandidates![0]}`;

/** SCIM v3 create/patch: the nodes use the /scim/v2 paths and name these as alternatives (see README). */
const RECORDED_ALTERNATIVES = ['POST /scim/v3/Users', 'PATCH /scim/v3/Users/{userId}'];

function loadNode(tagDir: string): INodeType {
	const module = require(join(ROOT, 'nodes', tagDir, `${tagDir}.node.ts`));
	return new module[tagDir]() as INodeType;
}

describe('catalogue coverage', () => {
	const declared = TAGS.flatMap((tag) => tag.operations.map((op) => ({ tag: tag.tag, key: `${op.method} ${op.path}`, op })));

	it('every catalogue operation is declared exactly once, in its tag, with the same method and path', () => {
		const missing: string[] = [];
		for (const op of catalogue) {
			const key = catalogueKey(op);
			if (RECORDED_ALTERNATIVES.includes(key)) continue;
			const matches = declared.filter((d) => d.key === key);
			if (matches.length !== 1 || matches[0].tag !== op.tag) missing.push(`${op.tag}: ${key} (found ${matches.length})`);
		}
		expect(missing).toEqual([]);
	});

	it('declares nothing the catalogue does not have, and records the SCIM v3 alternatives', () => {
		const known = new Set(catalogue.map(catalogueKey));
		expect(declared.filter((d) => !known.has(d.key)).map((d) => d.key)).toEqual([]);
		const candidates = declared.flatMap((d) => (d.op.pathCandidates ?? []).map((p) => `${d.op.method} ${p}`));
		for (const alternative of RECORDED_ALTERNATIVES) expect(candidates).toContain(alternative);
		expect(declared.length).toBe(catalogue.length - RECORDED_ALTERNATIVES.length);
	});

	it('keeps the evidence of the catalogue, and lists candidates where the path is a guess', () => {
		for (const d of declared) {
			const source = catalogue.find((op) => catalogueKey(op) === d.key)!;
			expect(`${d.key}: ${d.op.evidence}`).toBe(`${d.key}: ${source.evidence}`);
			if (source.path === null && (source.pathCandidates?.length ?? 0) > 1) {
				expect(d.op.pathCandidates).toEqual(source.pathCandidates!.slice(1));
			}
		}
	});
});

describe('package, nodes and README are in step with the declarations', () => {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

	it('lists every node and the credential in package.json, and has no runtime dependencies', () => {
		expect(pkg.n8n.nodes).toEqual(packageNodes());
		expect(pkg.n8n.credentials).toEqual(['dist/credentials/BeyondTrustPmCloudApi.credentials.js']);
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});

	it('has one node folder per tag with a codex file (run `npm run sync` after changing declarations)', () => {
		const folders = readdirSync(join(ROOT, 'nodes')).filter((name) => name.startsWith('BeyondTrustPmCloud'));
		expect(folders.sort()).toEqual([...TAGS.map(nodeDir), 'BeyondTrustPmCloudTrigger'].sort());
		for (const tag of TAGS) {
			expect(readFileSync(join(ROOT, 'nodes', nodeDir(tag), `${nodeDir(tag)}.node.json`), 'utf8')).toBe(codexFor(nodeName(tag)));
		}
	});

	it('the README operations table is generated from the declarations', () => {
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		expect(readme).toBe(readmeWithTable(readme));
		expect(readme).toContain(operationsTable());
	});
});

describe('n8n conventions of every action node', () => {
	const titleCase = /^([A-Z0-9][\w()'./-]*|a|an|and|as|at|by|for|from|in|of|on|or|per|the|to|with)( ([A-Z0-9(][\w()'./-]*|a|an|and|as|at|by|for|from|in|of|on|or|per|the|to|with))*$/;

	for (const tag of TAGS) {
		it(`${tag.tag}`, () => {
			const node = loadNode(nodeDir(tag));
			const description = node.description;
			expect(description.usableAsTool).toBe(true);
			expect(description.displayName).toBe(`BeyondTrust PM Cloud ${tag.displayName}`);
			expect(description.credentials).toEqual([{ name: 'beyondTrustPmCloudApi', required: true }]);
			const icon = description.icon as { light: string; dark: string };
			expect(icon.light).not.toBe(icon.dark);
			for (const file of [icon.light, icon.dark]) {
				expect(() => readFileSync(join(ROOT, 'nodes', nodeDir(tag), file.replace('file:', '')))).not.toThrow();
			}
			const operation = description.properties.find((p) => p.name === 'operation')!;
			const values = (operation.options as Array<{ name: string; value: string; action: string }>).map((o) => o.value);
			expect(new Set(values).size).toBe(values.length);
			for (const option of operation.options as Array<{ name: string; action: string }>) {
				expect(option.name).toMatch(titleCase);
				expect(option.action).toMatch(/^[A-Z][a-z]/);
			}
			const visit = (properties: INodeProperties[]) => {
				for (const property of properties) {
					expect(`${property.name}: ${property.displayName}`).toMatch(new RegExp(`: ${titleCase.source.slice(1, -1)}$`));
					if (property.type === 'boolean' && property.description) expect(property.description).toMatch(/^Whether /);
					if (property.placeholder && property.type !== 'collection' && property.type !== 'fixedCollection') {
						expect(`${property.name}: ${property.placeholder}`).toMatch(/: (e\.g\. |Select |Add )/);
					}
					for (const option of (property.options ?? []) as Array<INodeProperties & { values?: INodeProperties[] }>) {
						if ('type' in option && option.type) visit([option]);
						if (option.values) visit(option.values);
					}
				}
			};
			visit(description.properties);
		});
	}
});
