// `tsx workflows/case/worker/src/build-bundle.ts [out]`: writes the prebuilt workflow bundle the worker loads.
import { mkdirSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { buildWorkflowBundle, repoRoot } from './bundle';

async function main(): Promise<void> {
  const out = process.argv[2] ?? join(repoRoot, 'dist/workflows/case/workflow-bundle.js');
  const started = Date.now();
  const code = await buildWorkflowBundle();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, code);
  console.log(`workflow bundle: ${out} (${(code.length / 1024).toFixed(0)} KiB, ${Date.now() - started} ms)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
