export { assistanceWorkflow } from './workflow';
