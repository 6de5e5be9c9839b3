// The web app's types against the server's own description of its API: every shape the UI reads
// must have exactly the fields the OpenAPI document lists.
import { SCHEMA_FIELDS } from '../src/lib/schema-fields';
import { ADMIN, apiAs, expect, test } from './helpers';

test('web types match the OpenAPI document', async () => {
  const api = await apiAs(ADMIN.username, ADMIN.password);
  const r = await api.get('/api/v1/openapi.json');
  expect(r.status()).toBe(200);
  const doc = (await r.json()) as { components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
  const mismatches: string[] = [];
  for (const [name, ours] of Object.entries(SCHEMA_FIELDS)) {
    const schema = doc.components.schemas[name];
    if (!schema?.properties) {
      mismatches.push(`${name}: not in the OpenAPI document`);
      continue;
    }
    const theirs = Object.keys(schema.properties);
    const missing = ours.filter((f: string) => !theirs.includes(f));
    const extra = theirs.filter((f) => !(ours as readonly string[]).includes(f));
    if (missing.length) mismatches.push(`${name}: the web expects ${missing.join(', ')}, which the API does not describe`);
    if (extra.length) mismatches.push(`${name}: the API describes ${extra.join(', ')}, which the web types lack`);
  }
  expect(mismatches).toEqual([]);
  await api.dispose();
});
