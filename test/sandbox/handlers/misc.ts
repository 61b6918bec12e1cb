// About, ApiAccounts, AuthenticationProvider, AppSwitcher, Tasks and File.
import { effectivePath, CatalogueOp, fieldName } from '../catalogue';
import { isoMs } from '../dates';
import type { Task } from '../models';
import type { SandboxState } from '../state';
import { done, file, HandlerTable, ok } from './context';
import { arrayHandler, getHandler } from './generic';

function taskView(t: Task, s: SandboxState) {
	const finished = s.now() >= t.completesAt;
	return {
		id: t.id,
		name: t.name,
		operation: t.operation,
		status: finished ? 'Completed' : 'Running',
		percentComplete: finished ? 100 : 50,
		created: t.created,
		completed: finished ? isoMs(Math.max(t.completesAt, Date.parse(t.created))) : null,
		createdBy: t.createdBy,
		itemCount: t.itemCount,
		itemIds: t.itemIds,
	};
}

const q = (text: string) => JSON.stringify(text);

/** A small OpenAPI 3 YAML rendering of the catalogue (what the sandbox serves). */
export function catalogueYaml(ops: CatalogueOp[]): string {
	const byPath = new Map<string, CatalogueOp[]>();
	for (const op of ops) {
		const path = `/management-api${effectivePath(op)}`;
		byPath.set(path, [...(byPath.get(path) ?? []), op]);
	}
	const lines = ['openapi: 3.0.1', 'info:', `  title: ${q('BeyondTrust PM Cloud Management API - Version 3 (sandbox)')}`, '  version: v3', 'paths:'];
	for (const [path, list] of byPath) {
		lines.push(`  ${q(path)}:`);
		for (const op of list) {
			lines.push(`    ${op.method.toLowerCase()}:`, `      tags: [${q(op.tag)}]`, `      summary: ${q(op.summary)}`);
			const params = op.query.map(fieldName).filter((n): n is string => !!n);
			if (params.length) {
				lines.push('      parameters:');
				for (const name of params) lines.push(`        - { name: ${q(name)}, in: query }`);
			}
			lines.push('      responses:', `        ${q(String(typeof op.response.status === 'number' ? op.response.status : 200))}:`, '          description: Success');
		}
	}
	return lines.join('\n') + '\n';
}

export const miscHandlers: HandlerTable = {
	'GET /v3/About': (ctx) =>
		ok({
			version: '26.2.1734.0',
			apiVersions: ['v1', 'v2', 'v3'],
			product: 'Endpoint Privilege Management for Windows and Mac',
			environment: 'sandbox',
			tenantId: ctx.state.tenantId,
			serverTimeUtc: isoMs(ctx.state.now()),
		}),
	'GET /v3/ApiAccounts': arrayHandler((ctx) => ctx.state.apiAccounts.all(), (a) => a),
	'GET /v3/AuthenticationProvider': (ctx) => ok(ctx.state.authenticationProvider),
	'POST /v3/AppSwitcher/connector': (ctx) => done(ctx.op),
	'GET /v3/Tasks/{id}': getHandler((s) => s.tasks, taskView),
	'GET /v3/File': (ctx) => file(Buffer.from(catalogueYaml(ctx.catalogue), 'utf8'), 'application/yaml', 'pmcloud-management-api-v3.yaml'),
};
