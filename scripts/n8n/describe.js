#!/usr/bin/env node
'use strict';
/**
 * Prints the parameters of the built nodes (dist/, after `npm run build`) per operation, so workflows
 * only use parameters that exist. `node scripts/n8n/describe.js [NodeNameFilter] [--json]`
 */
const { loadDescriptions } = require('./install');

function showsFor(property, operation) {
	const show = property.displayOptions?.show;
	if (!show) return true;
	if (show.operation && !show.operation.includes(operation)) return false;
	return true;
}

function summarize(property) {
	const bits = [property.type];
	if (property.required) bits.push('required');
	if (property.type === 'options') bits.push(`[${(property.options ?? []).map((o) => o.value).join('|')}]`);
	if (property.type === 'collection') bits.push(`{${(property.options ?? []).map((o) => `${o.name}:${o.type}`).join(', ')}}`);
	if (property.type === 'fixedCollection') {
		bits.push(`{${(property.options ?? []).map((o) => `${o.name}: [${(o.values ?? []).map((v) => `${v.name}:${v.type}`).join(', ')}]`).join('; ')}}`);
	}
	if (property.default !== undefined && property.default !== '' && typeof property.default !== 'object') bits.push(`default=${JSON.stringify(property.default)}`);
	const other = property.displayOptions?.show && Object.keys(property.displayOptions.show).filter((k) => k !== 'operation');
	if (other?.length) bits.push(`when ${other.map((k) => `${k}=${JSON.stringify(property.displayOptions.show[k])}`).join(' ')}`);
	return bits.join(' ');
}

if (require.main === module) {
	const args = process.argv.slice(2);
	const filter = args.find((a) => !a.startsWith('--'));
	const { nodes, credentials } = loadDescriptions();
	if (args.includes('--json')) {
		console.log(JSON.stringify({ nodes: nodes.filter((n) => !filter || n.name.toLowerCase().includes(filter.toLowerCase())), credentials }, null, 2));
		process.exit(0);
	}
	for (const node of nodes) {
		if (filter && !node.name.toLowerCase().includes(filter.toLowerCase())) continue;
		console.log(`\n## ${node.name} (${node.displayName})${node.polling ? ' [polling trigger]' : ''}`);
		const opProp = node.properties.find((p) => p.name === 'operation');
		const eventProp = node.properties.find((p) => p.name === 'event');
		if (!opProp) {
			for (const p of node.properties) console.log(`  ${p.name}: ${summarize(p)}`);
			if (eventProp) console.log(`  events: ${(eventProp.options ?? []).map((o) => o.value).join(', ')}`);
			continue;
		}
		for (const op of opProp.options) {
			console.log(`  - ${op.value} (${op.name})`);
			for (const p of node.properties) {
				if (p.name === 'operation' || !p.displayOptions?.show?.operation || !showsFor(p, op.value)) continue;
				console.log(`      ${p.name}: ${summarize(p)}`);
			}
		}
	}
	console.log(`\ncredentials: ${credentials.map((c) => `${c.name} (${c.properties.map((p) => p.name).join(', ')})`).join('; ')}`);
}

module.exports = { showsFor };
