// Runs before any n8n module reads its configuration (see ../shared/notes/n8n-core-in-tests.md).
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'pmcloud-n8n-'));
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_SSRF_PROTECTION_ENABLED = 'false';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
