import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { documentJsonSchemaText } from '../src/core';

// Regenerates public/diagram.schema.json from the zod schema; a unit test fails when it is stale.
const target = fileURLToPath(new URL('../public/diagram.schema.json', import.meta.url));
const text = documentJsonSchemaText();
writeFileSync(target, text);
console.log(`wrote ${target} (${text.length} bytes)`);
