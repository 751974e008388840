import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestActor {
  id: string;
  username: string;
}

export interface RequestContextStore {
  correlationId: string;
  actor?: RequestActor;
}

/** Per-request values that the audit log and the logs need without threading them through every call. */
export const requestContext = new AsyncLocalStorage<RequestContextStore>();

export function currentCorrelationId(): string | undefined {
  return requestContext.getStore()?.correlationId;
}

export function currentActor(): RequestActor | undefined {
  return requestContext.getStore()?.actor;
}

export function setCurrentActor(actor: RequestActor): void {
  const store = requestContext.getStore();
  if (store) store.actor = actor;
}
