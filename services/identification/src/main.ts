import { runServiceMain } from '@prp/service-kit';
import { loadIdentificationConfig } from './config/identification.config';
import { IdentificationModule } from './identification.module';

runServiceMain({
  service: 'identification',
  title: '识别认定服务 Identification',
  description: '疑似监测户登记、筛查、认定流程与工作日时限',
  loadConfig: loadIdentificationConfig,
  module: (config) => IdentificationModule.forRoot(config),
});
