import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decideMovedData, locationFileOf, movedDataDir, movedDataFacts, removeUnusedBinaryCopies, writeMarkers } from './pg-location';

describe('decideMovedData: "delete ./.data to start again" also when the database was moved out of it', () => {
  it('no moved cluster yet: a fresh one', () => {
    expect(decideMovedData({ movedExists: false, dataDirIsNew: true })).toBe('fresh');
    expect(decideMovedData({ movedExists: false, movedId: 'a', dataDirIsNew: false })).toBe('fresh');
  });

  it('the same id in DATA_DIR and in the moved directory: the database is kept', () => {
    expect(decideMovedData({ movedExists: true, movedId: 'a', markerId: 'a', dataDirIsNew: false })).toBe('keep');
  });

  it('DATA_DIR lost its marker (deleted) or has another one (made again): the moved database is discarded', () => {
    expect(decideMovedData({ movedExists: true, movedId: 'a', dataDirIsNew: true })).toBe('discard');
    expect(decideMovedData({ movedExists: true, movedId: 'a', markerId: 'b', dataDirIsNew: false })).toBe('discard');
  });

  it('moved by a capdo older than the markers: adopted while DATA_DIR predates this start, discarded when DATA_DIR is new', () => {
    expect(decideMovedData({ movedExists: true, dataDirIsNew: false })).toBe('adopt');
    expect(decideMovedData({ movedExists: true, dataDirIsNew: true })).toBe('discard');
  });
});

describe('the markers on disk', () => {
  let home: string;
  beforeEach(() => (home = fs.mkdtempSync(path.join(os.tmpdir(), 'capdo-location-spec-'))));
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it('ties DATA_DIR and the moved directory with one id; deleting DATA_DIR breaks the tie', () => {
    const dataDir = path.join(home, 'data', 'pg');
    const moved = path.join(home, 'moved', 'pg');
    fs.mkdirSync(moved, { recursive: true });
    fs.writeFileSync(path.join(moved, 'PG_VERSION'), '15\n');
    fs.mkdirSync(path.dirname(dataDir));
    writeMarkers(dataDir, moved);
    expect(locationFileOf(dataDir)).toBe(path.join(home, 'data', 'pg-location.json'));
    expect(decideMovedData(movedDataFacts(dataDir, moved))).toBe('keep');
    fs.rmSync(path.join(home, 'data'), { recursive: true });
    fs.mkdirSync(path.join(home, 'data'));
    fs.writeFileSync(path.join(home, 'data', 'jwt-secret'), 'new');
    expect(movedDataFacts(dataDir, moved)).toMatchObject({ movedExists: true, markerId: undefined, dataDirIsNew: true });
    expect(decideMovedData(movedDataFacts(dataDir, moved))).toBe('discard');
  });

  it('moves a data directory to one place per path, under the system temp directory', () => {
    expect(movedDataDir('/a/b/.data/pg')).toBe(movedDataDir('/a/b/.data/pg'));
    expect(movedDataDir('/a/b/.data/pg')).not.toBe(movedDataDir('/a/c/.data/pg'));
    expect(movedDataDir('/a/b/.data/pg')).toMatch(new RegExp(`^${os.tmpdir()}/capdo-data-[0-9a-f]{12}/pg$`));
  });
});

describe('removeUnusedBinaryCopies', () => {
  it('removes copies no process runs, keeps the one asked for', () => {
    const old = path.join(os.tmpdir(), `capdo-pg-${os.platform()}-${os.arch()}-0.0.${process.pid}-spec-old`);
    const kept = path.join(os.tmpdir(), `capdo-pg-${os.platform()}-${os.arch()}-0.0.${process.pid}-spec-kept`);
    for (const dir of [old, kept]) fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
    try {
      expect(removeUnusedBinaryCopies(kept)).toContain(old);
      expect(fs.existsSync(old)).toBe(false);
      expect(fs.existsSync(kept)).toBe(true);
    } finally {
      fs.rmSync(kept, { recursive: true, force: true });
    }
  });
});
