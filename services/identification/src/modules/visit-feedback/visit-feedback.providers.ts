import type { Provider } from '@nestjs/common';
import type { IdentificationConfig } from '../../config/identification.config';
import { VisitFeedbackConsumer } from './visit-feedback.consumer';
import { VISIT_FEEDBACK_CONSUMER_GROUP } from './visit-feedback.di-tokens';
import { VisitFeedbackService } from './visit-feedback.service';

/** Visit findings → screening. Needs the approval providers (ReportRiskPointService) beside it. */
export function visitFeedbackProviders(
  config: Pick<IdentificationConfig, 'IDENTIFICATION_CONSUMER_GROUP'>,
): Provider[] {
  return [
    { provide: VISIT_FEEDBACK_CONSUMER_GROUP, useValue: config.IDENTIFICATION_CONSUMER_GROUP },
    VisitFeedbackService,
    VisitFeedbackConsumer,
  ];
}
