import { Foundation1764050000000 } from '../../migrations/1764050000000-Foundation';

/** Every migration in order; the app, the TypeORM CLI and the tests apply this list. */
export const MIGRATIONS = [Foundation1764050000000];
