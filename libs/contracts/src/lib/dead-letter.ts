/** What the dead-letter topic carries: the original message untouched, plus why it failed. */
export interface DeadLetterRecord {
  originalTopic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The raw message value as UTF-8 text (even if it was not valid JSON). */
  value: string | null;
  consumerGroup: string;
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
  failedAt: string;
}
