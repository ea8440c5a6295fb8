import { runServiceMain } from '@prp/service-kit';
import { loadReportingConfig } from './config/reporting.config';
import { ReportingModule } from './reporting.module';

runServiceMain({
  service: 'reporting',
  title: '统计报表服务 Reporting',
  description: '读模型、超期看板、花名册、台账与统计',
  loadConfig: loadReportingConfig,
  module: (config) => ReportingModule.forRoot(config),
});
