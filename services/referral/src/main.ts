import { runServiceMain } from '@prp/service-kit';
import { loadReferralConfig } from './config/referral.config';
import { ReferralModule } from './referral.module';

runServiceMain({
  service: 'referral',
  title: '帮扶服务 Referral',
  description: '帮扶责任人（一对一、比例、双帮扶、调整不脱钩）、帮扶计划、行业部门任务清单与反馈、走访',
  loadConfig: loadReferralConfig,
  module: (config) => ReferralModule.forRoot(config),
});
