import { randomUUID } from 'node:crypto';
import { NextFunction, Request, Response } from 'express';
import { requestContext } from '../request-context';

export const CORRELATION_HEADER = 'x-correlation-id';
const ACCEPTED = /^[A-Za-z0-9._-]{8,64}$/;

/** Takes the caller's correlation id when it looks sane, otherwise makes one; echoes it in the response. */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header(CORRELATION_HEADER);
  const correlationId = incoming && ACCEPTED.test(incoming) ? incoming : randomUUID();
  (req as Request & { id: string }).id = correlationId;
  res.setHeader('X-Correlation-Id', correlationId);
  requestContext.run({ correlationId }, next);
}
