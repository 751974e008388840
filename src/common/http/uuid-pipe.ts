import { ParseUUIDPipe } from '@nestjs/common';
import { notFound } from '../errors/domain-error';

/** A malformed id in a path names nothing: answer 404 like any other unknown id. */
export const uuidPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound() });
