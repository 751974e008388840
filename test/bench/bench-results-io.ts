import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BenchFixtures } from './bench-fixtures';
import { FIXES } from './bench-fixes';
import { BenchOptions, RESULTS_DIR } from './bench-options';
import { BenchResults, writeBenchmarksMarkdown } from './report-writer';

/** Writes the markdown, saying which earlier run each fix's "before" figures come from. */
export function writeMarkdown(options: BenchOptions, results: BenchResults, log: (m: string) => void): void {
  const befores = readFixBaselines();
  for (const fix of FIXES.filter((f) => f.before))
    log(
      befores[fix.before!.file]
        ? `"${fix.title}": số liệu "trước" lấy từ lần chạy ${befores[fix.before!.file].at.slice(0, 10)} (docs/benchmarks/${fix.before!.file}).`
        : `"${fix.title}": không thấy docs/benchmarks/${fix.before!.file}, bảng trước/sau để trống cột "trước".`,
    );
  fs.writeFileSync(options.out, writeBenchmarksMarkdown(results, readBaseline(options), readReliability(), befores));
}

/** The "before" runs that some fixes are measured against (FIXES[].before), kept in docs/benchmarks/. */
function readFixBaselines(): Record<string, BenchResults> {
  const files = FIXES.flatMap((fix) => (fix.before ? [fix.before.file] : []));
  return Object.fromEntries(
    files
      .filter((file) => fs.existsSync(path.join(RESULTS_DIR, file)))
      .map((file) => [file, JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, file), 'utf8')) as BenchResults]),
  );
}

function readReliability(): string | undefined {
  const file = path.join(RESULTS_DIR, 'reliability.md');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

function readBaseline(options: BenchOptions): BenchResults | undefined {
  if (!fs.existsSync(options.baseline) || options.baseline === options.saveBaseline) return undefined;
  return JSON.parse(fs.readFileSync(options.baseline, 'utf8')) as BenchResults;
}

export function machineInfo(fixtures: BenchFixtures): BenchResults['machine'] {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: fixtures.postgresVersion.split(' on ')[0],
  };
}
