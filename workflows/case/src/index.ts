// The workflow module is loaded by the worker through its bundle (workflowsPath), never imported directly.
export const CASE_WORKFLOWS_MODULE = 'workflows/case/src/workflows';
// The assistance workflow (assistance-<caseId>); workflows.ts must re-export it for the worker's bundle.
export const ASSISTANCE_WORKFLOWS_MODULE = 'workflows/case/src/assistance/workflow';
