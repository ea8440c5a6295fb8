// Regenerates libs/contracts/asyncapi.yaml from the schemas: `npx tsx libs/contracts/write-asyncapi.ts`.
import { writeFileSync } from 'fs';
import { join } from 'path';
import { stringify } from 'yaml';
import { buildAsyncApiDocument } from './src/lib/asyncapi';

writeFileSync(join(__dirname, 'asyncapi.yaml'), stringify(buildAsyncApiDocument(), { lineWidth: 0 }));
