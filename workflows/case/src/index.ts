// The workflow module is loaded by the worker through its bundle (workflowsPath), never imported directly.
export const CASE_WORKFLOWS_MODULE = 'workflows/case/src/workflows';
