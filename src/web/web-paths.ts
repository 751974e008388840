import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project's templates/ folder, found from this file both under src/ (ts-node, jest) and dist/src/ (build). */
export function templatesDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i += 1) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'pages'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('Không tìm thấy thư mục templates/pages của giao diện web.');
}
