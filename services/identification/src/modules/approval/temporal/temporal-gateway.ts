import { Client, Connection } from '@temporalio/client';

export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
}

/**
 * The identification API's only handle on Temporal: a Client on a lazy connection, so the API starts
 * (and answers 503 for workflow calls) while Temporal is down, and reports it in /health.
 */
export class TemporalGateway {
  private readonly connection: Connection;
  readonly client: Client;

  constructor(readonly settings: TemporalSettings) {
    this.connection = Connection.lazy({ address: settings.address });
    this.client = new Client({ connection: this.connection, namespace: settings.namespace });
  }

  async check(): Promise<void> {
    await this.connection.ensureConnected();
    await this.connection.workflowService.getSystemInfo({});
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
