import { bundleWorkflowCode } from '@temporalio/worker';
import { readFileSync } from 'fs';
import { join, resolve } from 'path';

export const repoRoot = resolve(__dirname, '../../../..');
export const workflowsPath = join(repoRoot, 'workflows/case/src/workflows.ts');

/** Path aliases of tsconfig.base.json, for webpack. */
function aliases(): Record<string, string> {
  const { compilerOptions } = JSON.parse(readFileSync(join(repoRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.fromEntries(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, join(repoRoot, target)]));
}

/** Bundles the deterministic workflow code (once per build; production loads the file). */
export async function buildWorkflowBundle(): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    webpackConfigHook: (config) => {
      config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...aliases() } };
      return config;
    },
  });
  return code;
}
