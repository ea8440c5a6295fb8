/** The Kafka consumer group of the visit feedback (IDENTIFICATION_CONSUMER_GROUP). */
export const VISIT_FEEDBACK_CONSUMER_GROUP = Symbol('VISIT_FEEDBACK_CONSUMER_GROUP');
