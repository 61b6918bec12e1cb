/**
 * Keeps what n8n needs beside each node in step with the declarations:
 * - nodes/<Node>/<Node>.node.json (codex: categories, links to the vendor's API docs),
 * - package.json "n8n.nodes",
 * - the README's table of nodes and operations (between the OPERATIONS markers).
 * `npm run sync` writes them; test/package.test.ts fails when they are out of date.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import { TAGS } from '../nodes/shared/catalogue';
import type { TagDeclaration } from '../nodes/shared/catalogue/types';
import { nodeName } from '../nodes/shared/engine/actionNode';

const ROOT = join(__dirname, '..');
export const TRIGGER_FILE = 'dist/nodes/BeyondTrustPmCloudTrigger/BeyondTrustPmCloudTrigger.node.js';

export const nodeDir = (tag: TagDeclaration) => `BeyondTrustPmCloud${tag.tag}`;

export function codexFor(name: string): string {
	return `${JSON.stringify(
		{
			node: `n8n-nodes-beyondtrust-pm-cloud.${name}`,
			nodeVersion: '1.0',
			codexVersion: '1.0',
			categories: ['Development', 'Utility'],
			resources: {
				credentialDocumentation: [{ url: 'https://docs.beyondtrust.com/epm-wm/docs/management-api' }],
				primaryDocumentation: [{ url: 'https://docs.beyondtrust.com/epm-wm/reference' }],
			},
		},
		null,
		2,
	)}\n`;
}

export function packageNodes(): string[] {
	return [...TAGS.map((tag) => `dist/nodes/${nodeDir(tag)}/${nodeDir(tag)}.node.js`), TRIGGER_FILE];
}

export function operationsTable(): string {
	const rows = ['| Node | Operation | Method and path (below `/management-api`) | Evidence |', '|---|---|---|---|'];
	for (const tag of TAGS) {
		for (const op of [...tag.operations].sort((a, b) => a.name.localeCompare(b.name))) {
			const inferred = op.evidence === 'INF' ? ' (inferred' + (op.pathCandidates?.length ? `; also possible: ${op.pathCandidates.map((p) => `\`${p}\``).join(', ')}` : '') + ')' : '';
			rows.push(`| BeyondTrust PM Cloud ${tag.displayName} | ${op.name} | \`${op.method} ${op.path}\`${inferred} | ${op.evidence} |`);
		}
	}
	return rows.join('\n');
}

export function readmeWithTable(readme: string): string {
	const start = '<!-- OPERATIONS:START -->';
	const end = '<!-- OPERATIONS:END -->';
	const before = readme.slice(0, readme.indexOf(start) + start.length);
	const after = readme.slice(readme.indexOf(end));
	return `${before}\n${operationsTable()}\n${after}`;
}

if (require.main === module) {
	for (const tag of TAGS) {
		writeFileSync(join(ROOT, 'nodes', nodeDir(tag), `${nodeDir(tag)}.node.json`), codexFor(nodeName(tag)));
	}
	writeFileSync(join(ROOT, 'nodes/BeyondTrustPmCloudTrigger/BeyondTrustPmCloudTrigger.node.json'), codexFor('beyondTrustPmCloudTrigger'));
	const pkgPath = join(ROOT, 'package.json');
	const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
	pkg.n8n.nodes = packageNodes();
	writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
	const readmePath = join(ROOT, 'README.md');
	writeFileSync(readmePath, readmeWithTable(readFileSync(readmePath, 'utf8')));
	console.log(`synced ${TAGS.length} nodes + trigger`);
}
