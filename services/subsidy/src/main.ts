import { runServiceMain } from '@prp/service-kit';
import { loadSubsidyConfig } from './config/subsidy.config';
import { SubsidyModule } from './subsidy.module';

runServiceMain({
  service: 'subsidy',
  title: '补助服务 Subsidy',
  description: '政策参数表、补助与防贫保险理赔、支付台账（建设中）',
  loadConfig: loadSubsidyConfig,
  module: (config) => SubsidyModule.forRoot(config),
});
