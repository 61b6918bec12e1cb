import { readFileSync } from 'fs';
import { buildProperties } from '../nodes/shared/engine/properties';
import type { TagDeclaration, FieldDeclaration } from '../nodes/shared/catalogue/types';
const names = 'acceptedDomains activityAudits adminAccessRequest appSwitcher authorizationRequest authorizationRequestAudits file globalRoles roles tasks about apiAccounts authenticationProvider events scimResourceTypes scimRoles scimSchemas scimServiceProviderConfig scimUsers'.split(' ');
const fixture = JSON.parse(readFileSync('test/fixtures/pmcloud-operations.json', 'utf8'));
let problems = 0;
const bad = (m: string) => { problems++; console.log('PROBLEM', m); };
for (const n of names) {
  const mod = require(`../nodes/shared/catalogue/${n}`);
  const tag: TagDeclaration = mod[n];
  const props = buildProperties(tag);
  const json = JSON.stringify(props);
  // conventions
  const walk = (list: any[], where: string) => {
    for (const p of list ?? []) {
      if (p.type === 'boolean' && !(p.description ?? '').startsWith('Whether') && p.name !== 'returnAll') bad(`${n} ${where}.${p.name} boolean desc: ${p.description}`);
      if (p.placeholder && !/^(e\.g\.|Add |Select )/.test(p.placeholder)) bad(`${n} ${where}.${p.name} placeholder ${p.placeholder}`);
      if (p.type === 'options' && p.name !== 'operation') {
        const sorted = [...p.options].sort((a: any, b: any) => a.name.localeCompare(b.name));
        if (JSON.stringify(sorted) !== JSON.stringify(p.options)) bad(`${n} ${where}.${p.name} options unsorted`);
      }
      if (p.options && p.type !== 'options') walk(p.options.flatMap((o: any) => o.values ?? [o]), `${where}.${p.name}`);
    }
  };
  walk(props, tag.tag);
  const values = tag.operations.map((o) => o.value);
  if (new Set(values).size !== values.length) bad(`${n} duplicate values`);
  const fx = fixture.filter((f: any) => f.tag === tag.tag);
  for (const f of fx) {
    const p = f.path ?? f.pathCandidates[0];
    const op = tag.operations.find((o) => o.method === f.method && (o.path === p || o.pathCandidates?.includes(p)));
    if (!op) { bad(`${n} missing ${f.method} ${p}`); continue; }
    if (op.path === p && op.evidence !== f.evidence) bad(`${n} ${op.value} evidence ${op.evidence} vs ${f.evidence}`);
    if (op.path === p) {
      const ph = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const api = (op.pathParams ?? []).map((x) => x.api);
      if (JSON.stringify(ph) !== JSON.stringify(api)) bad(`${n} ${op.value} placeholders ${ph} vs ${api}`);
      const fpp = (f.pathParams ?? []).map((x: any) => x.name);
      if (JSON.stringify(fpp) !== JSON.stringify(api)) bad(`${n} ${op.value} fixture pathParams ${fpp} vs ${api}`);
      const fname = (x: any) => x.name ?? (typeof x.nameInferred === 'string' ? x.nameInferred.split('|')[0] : undefined);
      for (const q of f.query ?? []) {
        const nm = fname(q);
        if (!nm || /^Pagination\.|^Sorts$|^startIndex$|^count$/.test(nm)) continue;
        const base = nm.replace(/\.(Dates|SelectionMode)$/, '');
        const found = (op.query ?? []).find((x) => x.api === nm) || (op.dateRanges ?? []).find((d) => d.api === base);
        if (!found) bad(`${n} ${op.value} query ${nm} not declared`);
      }
      const fieldsApi = (op.body ?? []).map((x: FieldDeclaration) => x.api.split('.')[0]);
      for (const b of f.body?.fields ?? []) {
        const nm = fname(b);
        if (nm && !fieldsApi.includes(nm) && !op.rawJsonBody) console.log(`note ${n} ${op.value} body ${nm} not declared`);
      }
    }
  }
  for (const op of tag.operations) {
    const matches = fx.filter((f: any) => f.method === op.method && (f.path ?? f.pathCandidates[0]) === op.path);
    if (matches.length !== 1) bad(`${n} ${op.value} matches ${matches.length} fixture ops`);
  }
  console.log(n, tag.operations.length, 'ops', fx.length, 'fixture', props.length, 'props', json.length);
}
console.log('problems', problems);
