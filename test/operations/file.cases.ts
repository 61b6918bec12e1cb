import type { TagCases } from './types';

export const cases: TagCases = {
	tag: 'File',
	cases: [
		{
			operation: 'download',
			title: 'download puts the YAML definition in the chosen binary field',
			parameters: { binaryPropertyName: 'apiDefinition' },
			expectRequest: () => ({ method: 'GET', path: '/management-api/v3/File' }),
			expectOutput: (items) => {
				expect(items).toHaveLength(1);
				const [item] = items;
				expect(item.json).toMatchObject({ fileName: 'pmcloud-management-api-v3.yaml', mimeType: 'application/yaml' });
				expect(item.json.fileSize).toBeGreaterThan(100);
				const binary = item.binary!.apiDefinition;
				expect(binary).toBeDefined();
				expect(binary.fileName).toBe('pmcloud-management-api-v3.yaml');
				expect(binary.mimeType).toBe('application/yaml');
				const text = Buffer.from(binary.data, 'base64').toString('utf8');
				expect(text.startsWith('openapi: 3.0.1')).toBe(true);
				expect(text).toContain('/management-api/v3/File');
				expect(Buffer.byteLength(text)).toBe(item.json.fileSize);
			},
		},
	],
};
