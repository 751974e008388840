import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
/** Committed figures of earlier runs (the "before" of each fix) and of the reliability tests, outside test/. */
export const RESULTS_DIR = path.join(ROOT, 'docs', 'benchmarks');

export interface BenchOptions {
  scale: number;
  seed: number;
  duration: number;
  warmup: number;
  connections: number;
  fresh: boolean;
  out: string;
  dataDir: string;
  saveBaseline?: string;
  baseline: string;
  importRows: number;
  /** Rows of the import whose peak RSS is measured (with the hostile workbook of issue 16); 0 skips it. */
  importMemoryRows: number;
  /** Only that measurement, on the Sơn La demo data instead of the national dataset (about a minute). */
  importMemoryOnly: boolean;
  /** Only rewrite the markdown from the last run's figures (after editing the writer). */
  renderOnly: boolean;
}

export function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    scale: 1,
    seed: 2026,
    duration: 10,
    warmup: 3,
    connections: 4,
    fresh: false,
    out: path.join(ROOT, 'BENCHMARKS.md'),
    dataDir: path.join(ROOT, '.data', 'bench'),
    baseline: path.join(RESULTS_DIR, 'baseline-before-fixes.json'),
    importRows: 10_000,
    importMemoryRows: 20_000,
    importMemoryOnly: false,
    renderOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--scale':
        options.scale = Number(value());
        break;
      case '--seed':
        options.seed = Number(value());
        break;
      case '--duration':
        options.duration = Number(value());
        break;
      case '--warmup':
        options.warmup = Number(value());
        break;
      case '--connections':
        options.connections = Number(value());
        break;
      case '--import-rows':
        options.importRows = Number(value());
        break;
      case '--import-memory-rows':
        options.importMemoryRows = Number(value());
        break;
      case '--import-memory-only':
        options.importMemoryOnly = true;
        break;
      case '--fresh':
        options.fresh = true;
        break;
      case '--render-only':
        options.renderOnly = true;
        break;
      case '--out':
        options.out = path.resolve(value());
        break;
      case '--data-dir':
        options.dataDir = path.resolve(value());
        break;
      case '--save-baseline':
        options.saveBaseline = path.resolve(value());
        break;
      case '--baseline':
        options.baseline = path.resolve(value());
        break;
      case '--help':
        console.log(HELP);
        process.exit(0);
        break;
      default:
        throw new Error(`Tham số không hợp lệ: ${argv[i]}\n${HELP}`);
    }
  }
  if (!(options.scale > 0 && options.scale <= 1)) throw new Error('--scale phải trong khoảng (0, 1].');
  return options;
}

const HELP = `npm run bench -- [--scale 1] [--seed 2026] [--duration 10] [--warmup 3] [--connections 4] [--import-rows 10000]
                  [--import-memory-rows 20000] [--import-memory-only] [--fresh] [--out BENCHMARKS.md] [--data-dir .data/bench] [--save-baseline file.json] [--baseline file.json]
                  [--render-only]`;
