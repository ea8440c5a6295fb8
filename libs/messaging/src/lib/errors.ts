/** Stable error codes of this library; messages are in Chinese because officials read them in logs and dead letters. */
export const MESSAGING_ERROR_CODES = {
  invalidJson: 'MESSAGING.INVALID_JSON',
  emptyMessage: 'MESSAGING.EMPTY_MESSAGE',
  handlerFailed: 'MESSAGING.HANDLER_FAILED',
  brokerUnreachable: 'MESSAGING.BROKER_UNREACHABLE',
  publishFailed: 'MESSAGING.PUBLISH_FAILED',
  outboxOutsideTransaction: 'MESSAGING.OUTBOX_OUTSIDE_TRANSACTION',
} as const;

export type MessagingErrorCode = (typeof MESSAGING_ERROR_CODES)[keyof typeof MESSAGING_ERROR_CODES];

export class MessagingError extends Error {
  constructor(
    readonly code: MessagingErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MessagingError';
  }
}

/** Runs `work` but gives up after `timeoutMs` with the error `onTimeout` builds. */
export async function withTimeout<T>(work: Promise<T>, timeoutMs: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(onTimeout()), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
