import { AddressInfo } from 'node:net';
import { createCompleteDossier, createSystem, LEVEL2_FACTS } from '../support/dossier-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { pick, recordFigures } from './support/reliability-env';

/**
 * Races: 100 conflicting requests at once on one dossier, all carrying the version they read. The row lock and the
 * version check let exactly one through; the others get 409, and the history records one event.
 */
const CONCURRENCY = 100;
const ROUNDS = pick(1, 5);

jest.setTimeout(pick(60_000, 300_000));

describe('races: concurrent conflicting writes on one dossier', () => {
  let t: TestApp;
  let base: string;
  let officer: string;
  let appraiser: string;
  const figures = { requests: 0, succeeded: 0, conflicts: 0, other: 0, rounds: 0 };

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    [officer, appraiser] = await Promise.all([t.login('canbo.sl-so-xd'), t.login('thamdinh')]);
  });
  afterAll(async () => {
    recordFigures('races', figures);
    await t.close();
  });

  /** Fires every request at once (true concurrency over real sockets) and sorts the answers. */
  async function fire(requests: { token: string; path: string; body: object; method?: string }[]) {
    const replies = await Promise.all(
      requests.map(async (r) => {
        const res = await fetch(`${base}${r.path}`, {
          method: r.method ?? 'POST',
          headers: { authorization: `Bearer ${r.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(r.body),
        });
        return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as any };
      }),
    );
    figures.requests += replies.length;
    const ok = replies.filter((r) => r.status === 200);
    const conflicts = replies.filter((r) => r.status === 409);
    figures.succeeded += ok.length;
    figures.conflicts += conflicts.length;
    figures.other += replies.length - ok.length - conflicts.length;
    for (const c of conflicts) {
      expect(c.type).toContain('application/problem+json');
      expect(['VERSION_CONFLICT', 'DOSSIER_INVALID_TRANSITION', 'DOSSIER_NOT_EDITABLE']).toContain(c.body.code);
    }
    return { ok, conflicts, replies };
  }

  async function submittedDossier(code: string): Promise<{ id: string; version: number }> {
    const systemId = await createSystem(t, officer, 'SL-SO-XD', code, `Hệ thống ${code}`);
    const draft = await createCompleteDossier(t, officer, systemId, LEVEL2_FACTS);
    const res = await t
      .http()
      .post(`/api/v1/dossiers/${draft.id}/actions/submit`)
      .set({ authorization: `Bearer ${officer}` })
      .send({ version: draft.version })
      .expect(200);
    return { id: draft.id, version: res.body.version };
  }

  const events = async (id: string) =>
    (await t.db.query(`SELECT action FROM dossier_events WHERE dossier_id = $1 ORDER BY id`, [id])).map(
      (e: { action: string }) => e.action,
    );
  const audits = async (id: string) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action LIKE 'DOSSIER\\_%'`, [id]))[0].n;

  it(`${CONCURRENCY} identical start-appraisal requests: one succeeds, ${CONCURRENCY - 1} get 409, one event`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const d = await submittedDossier(`RACE-SAME-${round}`);
      const { ok, conflicts } = await fire(
        Array.from({ length: CONCURRENCY }, () => ({
          token: appraiser,
          path: `/api/v1/dossiers/${d.id}/actions/start-appraisal`,
          body: { version: d.version },
        })),
      );
      expect({ ok: ok.length, conflicts: conflicts.length }).toEqual({ ok: 1, conflicts: CONCURRENCY - 1 });
      expect(await events(d.id)).toEqual(['submit', 'start-appraisal']);
      expect(await audits(d.id)).toBe(2);
      figures.rounds++;
    }
  });

  it(`${CONCURRENCY} different conflicting actions (return, start-appraisal, withdraw): exactly one wins`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const d = await submittedDossier(`RACE-MIX-${round}`);
      const actions = Array.from({ length: CONCURRENCY }, (_, i) =>
        i % 3 === 0
          ? { token: appraiser, path: `/api/v1/dossiers/${d.id}/actions/return`, body: { version: d.version, items: [`Bổ sung ${i}`] } }
          : i % 3 === 1
            ? { token: appraiser, path: `/api/v1/dossiers/${d.id}/actions/start-appraisal`, body: { version: d.version } }
            : { token: officer, path: `/api/v1/dossiers/${d.id}/actions/withdraw`, body: { version: d.version, note: `Rút ${i}` } },
      );
      const { ok, conflicts } = await fire(actions);
      expect({ ok: ok.length, conflicts: conflicts.length }).toEqual({ ok: 1, conflicts: CONCURRENCY - 1 });
      const history = await events(d.id);
      expect(history).toHaveLength(2);
      expect(history[0]).toBe('submit');
      const [{ status, version }] = await t.db.query(`SELECT status, version FROM dossiers WHERE id = $1`, [d.id]);
      expect({ status, version }).toEqual({ status: ok[0].body.status, version: d.version + 1 });
      expect(await audits(d.id)).toBe(2);
      figures.rounds++;
    }
  });

  it(`${CONCURRENCY} edits of one draft with the same version: one is saved, the others get 409`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const systemId = await createSystem(t, officer, 'SL-SO-XD', `RACE-EDIT-${round}`, `Hệ thống sửa ${round}`);
      const draft = await createCompleteDossier(t, officer, systemId, LEVEL2_FACTS);
      const { ok, conflicts } = await fire(
        Array.from({ length: CONCURRENCY }, (_, i) => ({
          token: officer,
          method: 'PATCH',
          path: `/api/v1/dossiers/${draft.id}`,
          body: { version: draft.version, levelJustification: `Thuyết minh ${i}` },
        })),
      );
      expect({ ok: ok.length, conflicts: conflicts.length }).toEqual({ ok: 1, conflicts: CONCURRENCY - 1 });
      const [{ level_justification, version }] = await t.db.query(`SELECT level_justification, version FROM dossiers WHERE id = $1`, [
        draft.id,
      ]);
      expect({ level_justification, version }).toEqual({ level_justification: ok[0].body.levelJustification, version: draft.version + 1 });
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'UPDATE'`, [draft.id]);
      expect(n).toBe(2); // createCompleteDossier's own edit, and the winner
      figures.rounds++;
    }
  });

  it(`${CONCURRENCY} registrations of one system code: one is created, the others get 409 DUPLICATE and write nothing`, async () => {
    const [{ id: ownerAgencyId }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-XD'`);
    for (let round = 0; round < ROUNDS; round++) {
      const code = `RACE-DUP-${round}`;
      const auditBefore = (await t.db.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n;
      const body = {
        code,
        name: `Hệ thống trùng mã ${round}`,
        ownerAgencyId,
        systemType: 'INTERNAL',
        infoTypes: ['PRIVATE'],
        lifecycle: 'IN_OPERATION',
      };
      const replies = await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          const res = await fetch(`${base}/api/v1/systems`, {
            method: 'POST',
            headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
          return { status: res.status, body: (await res.json()) as any };
        }),
      );
      figures.requests += replies.length;
      const created = replies.filter((r) => r.status === 201);
      const duplicates = replies.filter((r) => r.status === 409 && r.body.code === 'DUPLICATE');
      figures.succeeded += created.length;
      figures.conflicts += duplicates.length;
      expect({ created: created.length, duplicates: duplicates.length }).toEqual({ created: 1, duplicates: CONCURRENCY - 1 });
      const [{ systems, custody }] = await t.db.query(
        `SELECT (SELECT count(*)::int FROM systems WHERE code = $1) AS systems, (SELECT count(*)::int FROM system_custody c JOIN systems s ON s.id = c.system_id WHERE s.code = $1) AS custody`,
        [code],
      );
      expect({ systems, custody }).toEqual({ systems: 1, custody: 1 });
      expect((await t.db.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n).toBe(auditBefore + 1);
      figures.rounds++;
    }
  });
});
