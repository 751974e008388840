import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { DomainError } from './domain-error';
import { toProblem } from './problem';

const pgError = (code: string, message = 'x') => new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));

describe('toProblem', () => {
  it('answers 503 with Retry-After when PostgreSQL went away (killed, restarting, unreachable)', () => {
    for (const error of [
      pgError('57P01', 'terminating connection due to unexpected postmaster exit'),
      pgError('57P03', 'the database system is starting up'),
      pgError('08006'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new QueryFailedError('COMMIT', [], new Error('Connection terminated unexpectedly')),
      new QueryRunnerAlreadyReleasedError(),
    ]) {
      expect(toProblem(error)).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
    }
  });

  it('keeps bad input a 4xx and anything unexpected a 500', () => {
    expect(toProblem(pgError('23505'))).toMatchObject({ status: 409, code: 'DUPLICATE' });
    expect(toProblem(pgError('22021'))).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(toProblem(new DomainError('NOT_FOUND'))).toMatchObject({ status: 404 });
    expect(toProblem(new RangeError('Maximum call stack size exceeded'))).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(toProblem(pgError('42P01', 'relation does not exist'))).toMatchObject({ status: 500 });
  });
});
