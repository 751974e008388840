import { EntityManager } from 'typeorm';
import { dayNumber, TimelineBody } from './body-timeline';

/** SQL: a date as 'YYYY-MM-DD' whatever the session's DateStyle, '-infinity' or 'infinity' (which compare as the days). */
const day = (column: string) => `CASE WHEN isfinite(${column}) THEN to_char(${column}, 'YYYY-MM-DD') ELSE ${column}::text END`;

/**
 * Every body of the provinces (all of them when null) with its versions and its whole timeline
 * (`report_body_timeline`), read in the caller's transaction: two queries, whatever the days asked for later.
 */
export async function loadBodyTimelines(em: EntityManager, provinceCodes: string[] | null): Promise<TimelineBody[]> {
  const versions: {
    id: string;
    code: string;
    kind: string;
    province: string;
    from: string;
    to: string | null;
    name: string;
    parent: string | null;
    vfrom: string;
    vto: string | null;
  }[] = await em.query(
    `SELECT a.id, a.code, a.kind, a.province_code AS province, ${day('a.valid_from')} AS "from", ${day('a.valid_to')} AS "to",
            v.name, v.parent_id AS parent, ${day('v.valid_from')} AS vfrom, ${day('v.valid_to')} AS vto
       FROM agencies a JOIN agency_versions v ON v.agency_id = a.id
      WHERE $1::varchar[] IS NULL OR a.province_code = ANY($1::varchar[])
      ORDER BY a.id, v.valid_from`,
    [provinceCodes],
  );
  const bodies = new Map<string, TimelineBody>();
  for (const r of versions) {
    let body = bodies.get(r.id);
    if (!body) {
      body = {
        id: r.id,
        code: r.code,
        kind: r.kind,
        provinceCode: r.province,
        validFrom: dayNumber(r.from),
        validTo: dayNumber(r.to),
        versions: [],
        days: [],
        figures: [],
      };
      bodies.set(r.id, body);
    }
    body.versions.push({ name: r.name, parentId: r.parent, validFrom: dayNumber(r.vfrom), validTo: dayNumber(r.vto) });
  }
  // One text column per row: node-pg parses a row's columns one by one, and this table has about twelve rows a body.
  const timeline: { r: string }[] = await em.query(
    `SELECT concat_ws(' ', t.body_id, ${day('t.from_day')}, coalesce(${day('t.first_submitted_on')}, '-'),
                      coalesce(${day('t.first_approved_on')}, '-'), t.systems, t.operating, t.approved,
                      t.level1, t.level2, t.level3, t.level4, t.level5) AS r
       FROM report_body_timeline t JOIN agencies a ON a.id = t.body_id
      WHERE $1::varchar[] IS NULL OR a.province_code = ANY($1::varchar[])
      ORDER BY t.body_id, t.from_day`,
    [provinceCodes],
  );
  for (const { r } of timeline) {
    const [id, day, submitted, approved, systems, operating, approvedSystems, l1, l2, l3, l4, l5] = r.split(' ');
    const body = bodies.get(id);
    if (!body) continue;
    body.days.push(dayNumber(day));
    body.figures.push({
      firstSubmittedOn: submitted === '-' ? null : submitted,
      firstApprovedOn: approved === '-' ? null : approved,
      systems: Number(systems),
      operating: Number(operating),
      approved: Number(approvedSystems),
      levels: [Number(l1), Number(l2), Number(l3), Number(l4), Number(l5)],
    });
  }
  return [...bodies.values()];
}
