import { z } from 'zod';
import { DEPARTMENT_TASK_TOPICS } from './assistance';
import { EnvelopeHeaderSchema } from './envelope';
import { EVENT_DEFINITIONS } from './events';
import { ALL_TOPICS } from './topics';

type JsonObject = Record<string, unknown>;

function messageFor(type: keyof typeof EVENT_DEFINITIONS): JsonObject {
  const definition = EVENT_DEFINITIONS[type];
  const header = z.toJSONSchema(EnvelopeHeaderSchema, { target: 'draft-7' }) as JsonObject;
  const payload = z.toJSONSchema(definition.payload, { target: 'draft-7' }) as JsonObject;
  const properties = { ...(header['properties'] as JsonObject), payload };
  return {
    name: type,
    title: type,
    summary: definition.summary,
    contentType: 'application/json',
    headers: { type: 'object', properties: { 'event-type': { type: 'string', const: type } } },
    payload: {
      type: 'object',
      required: [...((header['required'] as string[]) ?? []), 'payload'],
      properties: { ...properties, type: { type: 'string', const: type } },
    },
  };
}

/** The AsyncAPI 2.6 document of every topic and message, derived from the schemas in this library. */
export function buildAsyncApiDocument(): JsonObject {
  const channels: JsonObject = {};
  const departmentTopics = new Set<string>(Object.values(DEPARTMENT_TASK_TOPICS));
  for (const topic of ALL_TOPICS) {
    // A department's task topic carries the task.created events of its own tasks (defined on the assistance topic).
    const types = departmentTopics.has(topic.name)
      ? [EVENT_DEFINITIONS['task.created']]
      : Object.values(EVENT_DEFINITIONS).filter((d) => d.topic === topic.name);
    const message = types.length
      ? { oneOf: types.map((d) => ({ $ref: `#/components/messages/${d.type}` })) }
      : { payload: { type: 'object', description: 'DeadLetterRecord (libs/contracts/src/lib/dead-letter.ts)' } };
    channels[topic.name] = {
      description: topic.description,
      bindings: { kafka: { partitions: topic.partitions, replicas: 1 } },
      subscribe: { message },
    };
  }
  const messages: JsonObject = {};
  for (const type of Object.keys(EVENT_DEFINITIONS) as (keyof typeof EVENT_DEFINITIONS)[]) {
    messages[type] = messageFor(type);
  }
  return {
    asyncapi: '2.6.0',
    info: {
      title: 'PRP platform events',
      version: '1.0.0',
      description: 'Events of the 防止返贫动态监测和帮扶 platform. Message key: the case id. Generated from libs/contracts.',
    },
    defaultContentType: 'application/json',
    channels,
    components: { messages },
  };
}
