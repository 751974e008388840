import { Injectable } from '@nestjs/common';
import { validateSync } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, mayWriteFor } from '../../access/access.service';
import { hasLivePlanItems } from '../../plan-items/plan-item-guards';
import { AuthUser } from '../../auth/auth-user';
import { Clock } from '../../common/clock';
import { DomainError, FieldErrors } from '../../common/errors/domain-error';
import { definedOnly } from '../../common/objects';
import { flattenValidationErrors } from '../../common/validation/validation-pipe';
import { AgencyRefDto, CreateSystemDto } from '../dto/system.dto';
import { LIFECYCLE_LABELS } from '../system-enums';
import { moveCustody } from '../system-custody';
import { mapSystem } from '../system.mapper';
import { InformationSystem } from '../system.entity';
import { OWNER_OUT_OF_REACH, SystemsCommandService } from '../systems-command.service';
import { ImportAction, ImportReportDto, ImportRowErrorDto } from './import-export.dto';
import { ColumnMapping } from './sheet-header';
import { readImport, RowInput, sheetReport, UploadedSheet } from './import-reading';
import { resolveAgencyNames } from './import-agencies';
import { AgencyRow, insertSystems, SystemValues, updateSystems } from './system-batch-writes';
import { AuditEntry, AuditService } from '../../audit/audit.service';
import { columnOf, ParsedSystemRow, SheetCellError, SYSTEM_COLUMNS } from './system-columns';
import { importStates, ImportState } from '../prior-approvals/prior-approval-claims.query';
import { recordImportedClaims } from '../prior-approvals/prior-approval-imports';
import { importedDecisionOutcome, ImportedSystemState, PriorDecision } from '../prior-approvals/prior-approval-rules';

/** Stands in for an agency code capdo does not know, so that the row's other cells are still checked. */
const UNKNOWN_AGENCY = '00000000-0000-4000-8000-000000000000';

const OWNER = columnOf('ownerAgencyCode').title;
const OPERATOR = columnOf('operatorAgencyCode').title;
const CODE = columnOf('code').title;
const LIFECYCLE = columnOf('lifecycle').title;

/** Where the API's field names (in validation and domain errors) land in the sheet. */
const COLUMN_OF_FIELD: Record<string, string> = {
  ...Object.fromEntries(SYSTEM_COLUMNS.map((c) => [c.field, c.title])),
  ownerAgencyId: OWNER,
  operatorAgencyId: OPERATOR,
  architectureDescription: 'Mô tả kiến trúc (đã lưu trên capdo)',
  components: 'Thành phần (đã lưu trên capdo)',
};

interface PlannedRow {
  row: number;
  ownerAgencyCode: string;
  code: string;
  action: ImportAction;
  values: SystemValues;
  current?: InformationSystem;
  /** A prior decision the row declares: it becomes a claim (prior-approvals), never the level on record directly. */
  claim?: PriorDecision;
}

interface PlanContext {
  user: AuthUser;
  byCode: Map<string, AgencyRow>;
  existing: Map<string, InformationSystem>;
  em: EntityManager;
  /** Every agency the file names, loaded up front: `checked` reads them from here instead of once per row. */
  agencies: Map<string, AgencyRow>;
  /** First row of each (owner code, system code) pair. */
  seen: Map<string, number>;
  /** Existing systems' workflow approval and pending claim, for the prior-decision cells. */
  claimStates: Map<string, ImportState>;
  today: string;
}

interface Plan {
  rows: PlannedRow[];
  errors: ImportRowErrorDto[];
  agencies: Map<string, AgencyRow>;
}

const refsOf = (agencies: Map<string, AgencyRow>) =>
  new Map<string, AgencyRefDto>([...agencies.values()].map(({ id, code, name }) => [id, { id, code, name }]));

const keyOf = (ownerCode: string, code: string) => `${ownerCode}\u0000${code}`;

function stored(system: InformationSystem): SystemValues {
  const { id: _id, stateSecret: _secret, createdAt: _created, updatedAt: _updated, ...values } = system;
  return values;
}

/** What the prior-decision rules know of a stored system: its level on record, workflow approval and pending claim. */
function claimStateOf(system: InformationSystem, states: Map<string, ImportState>): ImportedSystemState {
  const state = states.get(system.id);
  const recorded =
    system.approvedLevel === null
      ? null
      : {
          level: system.approvedLevel,
          decisionNumber: system.approvalDecisionNumber ?? '',
          decisionDate: system.approvalDecisionDate ?? '',
          issuer: system.approvalDecisionIssuer ?? '',
        };
  return { workflowApproved: state?.workflowApproved ?? false, pending: state?.pending ?? null, recorded };
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  return (a ?? null) === (b ?? null);
}

/**
 * Imports the inventory from a spreadsheet, all or nothing: every row goes through the API's validation and
 * SystemsCommandService.checked in one transaction; any bad row means nothing is written and the report lists
 * each bad cell. A system is identified by its owner's code and its own code, so importing a file twice changes
 * nothing the second time.
 */
@Injectable()
export class SystemsImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly commands: SystemsCommandService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async import(
    user: AuthUser,
    file: UploadedSheet | undefined,
    dryRun: boolean,
    confirmPriorApprovals = false,
    mapping: ColumnMapping = {},
  ): Promise<ImportReportDto> {
    // Issue 16: a level counts only once someone who may check it confirmed it; an import may do so only for an
    // administrator who asks for it explicitly, and the request is written to the audit log.
    if (confirmPriorApprovals && user.role !== 'ADMIN') {
      throw new DomainError(
        'FORBIDDEN',
        'Chỉ quản trị viên được xác nhận ngay các quyết định phê duyệt khi nhập tệp (confirmPriorApprovals).',
      );
    }
    const { header, inputs } = await readImport(file, mapping);
    return this.dataSource.transaction(async (em) => {
      await resolveAgencyNames(em, user, inputs);
      const plan = await this.plan(em, user, inputs, !dryRun);
      const count = (action: ImportAction) => plan.rows.filter((r) => r.action === action).length;
      const report: ImportReportDto = {
        sheet: sheetReport(header),
        dryRun,
        totalRows: inputs.length,
        created: count('CREATE'),
        updated: count('UPDATE'),
        unchanged: count('UNCHANGED'),
        errors: plan.errors,
        rows: plan.rows.map(({ row, code, ownerAgencyCode, values, action, claim }) => ({
          row,
          code,
          ownerAgencyCode,
          name: values.name,
          action,
          ...(claim ? { priorApproval: confirmPriorApprovals ? 'CONFIRMED' : 'CLAIMED' } : {}),
        })),
        priorApprovalClaims: plan.rows.filter((r) => r.claim).length,
        priorApprovalsConfirmed: confirmPriorApprovals,
      };
      if (plan.errors.length) {
        const badRows = new Set(plan.errors.map((e) => e.row)).size;
        throw new DomainError(
          'IMPORT_ROWS_INVALID',
          `Có ${plan.errors.length} lỗi ở ${badRows} dòng; chưa ghi dữ liệu nào. Sửa các ô được báo rồi nhập lại.`,
          this.fieldErrors(plan.errors),
          { report },
        );
      }
      if (!dryRun) {
        const ids = await this.write(em, user, plan, confirmPriorApprovals);
        for (const row of report.rows) row.id = ids.get(row.row);
      }
      return report;
    });
  }

  /** Loads the agencies and systems the file names (a few queries in all), then decides and checks every row. */
  private async plan(em: EntityManager, user: AuthUser, inputs: RowInput[], lock: boolean): Promise<Plan> {
    const codes = [
      ...new Set(
        inputs.flatMap(({ parsed: { values } }) => [values.ownerAgencyCode, values.operatorAgencyCode]).filter((c): c is string => !!c),
      ),
    ];
    const found: AgencyRow[] = await em.query(`SELECT id, code, name, province_code FROM agencies WHERE code = ANY($1)`, [codes]);
    const byCode = new Map(found.map((a) => [a.code, a]));
    const agencies = new Map(found.map((a) => [a.id, a]));
    const existing = await this.existing(em, inputs, byCode, agencies, lock);
    const claimStates = await importStates(
      em,
      [...existing.values()].map((s) => s.id),
    );
    const context: PlanContext = { user, byCode, existing, em, agencies, seen: new Map(), claimStates, today: this.clock.today() };
    const plan: Plan = { rows: [], errors: [], agencies };
    for (const [i, input] of inputs.entries()) {
      // Checking 20,000 rows is seconds of JavaScript with no query in between: other requests get a turn now and then.
      if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
      const errors = [...input.parsed.errors];
      const planned = await this.planRow(context, input, errors);
      if (planned && !errors.length) plan.rows.push(planned);
      else
        plan.errors.push(
          ...errors.map((e) => ({ row: input.row, ...(input.parsed.values.name ? { name: input.parsed.values.name } : {}), ...e })),
        );
    }
    return plan;
  }

  /** What one row does (create, update or nothing) once the API's rules accept it; what they refuse goes to `errors`. */
  private async planRow(context: PlanContext, { row, parsed }: RowInput, errors: SheetCellError[]): Promise<PlannedRow | undefined> {
    const { values } = parsed;
    const fail = (column: string, message: string) => errors.push({ column, message });
    const owner = values.ownerAgencyCode ? context.byCode.get(values.ownerAgencyCode) : undefined;
    if (values.ownerAgencyCode && !owner) fail(OWNER, `không có cơ quan mã ${values.ownerAgencyCode}`);
    const operator = values.operatorAgencyCode ? context.byCode.get(values.operatorAgencyCode) : undefined;
    if (values.operatorAgencyCode && !operator) fail(OPERATOR, `không có cơ quan mã ${values.operatorAgencyCode}`);
    // An officer's row must name its own agency as owner, or as operator for an owner of its province; other rows are
    // refused with one message before the stored systems are looked at, so that a dry run does not tell whether another
    // body's system code exists.
    if (owner && !this.mayImportFor(context.user, owner, values.operatorAgencyCode === null ? owner : operator)) {
      fail(OWNER, OWNER_OUT_OF_REACH);
      return undefined;
    }
    const key = values.ownerAgencyCode && values.code ? keyOf(values.ownerAgencyCode, values.code) : undefined;
    if (key && context.seen.has(key)) fail(CODE, `trùng với dòng ${context.seen.get(key)} (cùng cơ quan chủ quản và mã hệ thống)`);
    else if (key) context.seen.set(key, row);
    const current = key ? context.existing.get(key) : undefined;

    // A blank operator cell means the owner operates it; no operator column leaves a stored system's operator alone.
    const dto = this.validated(parsed, owner?.id, values.operatorAgencyCode === null ? owner?.id : operator?.id, errors);
    const prior = importedDecisionOutcome(values, current ? claimStateOf(current, context.claimStates) : null, context.today);
    if (prior.kind === 'error') for (const [field, message] of Object.entries(prior.errors)) fail(COLUMN_OF_FIELD[field], message!);
    if (values.lifecycle === 'RETIRED' && current?.lifecycle !== 'RETIRED') {
      fail(
        LIFECYCLE,
        `không nhập "${LIFECYCLE_LABELS.RETIRED}" khi đăng ký hay sửa; cho hệ thống dừng vận hành bằng chức năng dừng vận hành (kèm ngày và lý do)`,
      );
    }
    if (errors.length) return undefined;

    const { ownerAgencyId: _owner, ...changes } = definedOnly(dto) as Partial<SystemValues>;
    if (current) changes.lifecycle = values.lifecycle;
    // Mẫu 08 col 10 is derived from the approved plan's items once they exist (src/plan-items): the file does not overwrite it.
    if (current && changes.deploymentStatus !== undefined && changes.deploymentStatus !== current.deploymentStatus) {
      if (await hasLivePlanItems(context.em, current.id)) changes.deploymentStatus = current.deploymentStatus;
    }
    const proposed = current ? { ...stored(current), ...changes, version: current.version + 1 } : this.commands.fromCreate(dto);
    const checked = await this.check(context, proposed, current, errors);
    if (!checked) return undefined;
    const changed =
      !!current && Object.keys(changes).some((field) => !same(current[field as keyof SystemValues], checked[field as keyof SystemValues]));
    if (current?.lifecycle === 'RETIRED' && changed) fail(LIFECYCLE, 'hệ thống đã dừng vận hành, không sửa được nữa');
    const action: ImportAction = !current ? 'CREATE' : changed ? 'UPDATE' : 'UNCHANGED';
    return {
      row,
      ownerAgencyCode: values.ownerAgencyCode!,
      code: checked.code,
      action,
      values: checked,
      current,
      claim: prior.kind === 'claim' ? prior.decision : undefined,
    };
  }

  private mayImportFor(user: AuthUser, owner: AgencyRow, operator: AgencyRow | undefined): boolean {
    return mayWriteFor(user, { ownerAgencyId: owner.id, operatorAgencyId: operator?.id ?? owner.id, provinceCode: owner.province_code });
  }

  /** The systems the file names that exist already, by owner code and system code; locked for a real import. */
  private async existing(
    em: EntityManager,
    inputs: RowInput[],
    byCode: Map<string, AgencyRow>,
    agencies: Map<string, AgencyRow>,
    lock: boolean,
  ): Promise<Map<string, InformationSystem>> {
    const pairs = inputs.flatMap(({ parsed: { values } }) => {
      const owner = values.ownerAgencyCode ? byCode.get(values.ownerAgencyCode) : undefined;
      return owner && values.code ? [{ owner: owner.id, code: values.code }] : [];
    });
    if (!pairs.length) return new Map();
    const qb = em
      .getRepository(InformationSystem)
      .createQueryBuilder('s')
      .where(
        '(s.owner_agency_id, s.code) IN (SELECT k.owner, k.code FROM unnest(CAST(:owners AS uuid[]), CAST(:codes AS text[])) AS k(owner, code))',
        {
          owners: pairs.map((p) => p.owner),
          codes: pairs.map((p) => p.code),
        },
      );
    if (lock) qb.setLock('pessimistic_write');
    const systems = await qb.getMany();
    // Operators the file does not name: checked still looks them up, and the audit's "before" shows them.
    const missing = [...new Set(systems.map((s) => s.operatorAgencyId))].filter((id) => !agencies.has(id));
    if (missing.length) {
      const rows: AgencyRow[] = await em.query(`SELECT id, code, name, province_code FROM agencies WHERE id = ANY($1)`, [missing]);
      for (const row of rows) agencies.set(row.id, row);
    }
    return new Map(systems.map((s) => [keyOf(agencies.get(s.ownerAgencyId)!.code, s.code), s]));
  }

  /** The row as the API's CreateSystemDto, validated by the API's own rules; messages go to the row's errors. */
  private validated(
    parsed: ParsedSystemRow,
    ownerId: string | undefined,
    operatorId: string | undefined,
    errors: SheetCellError[],
  ): CreateSystemDto {
    // The prior-decision cells are not the system's fields (issue 16): planRow turns them into a claim.
    const {
      ownerAgencyCode: _owner,
      operatorAgencyCode,
      approvedLevel: _l,
      approvalDecisionNumber: _n,
      approvalDecisionDate: _d,
      approvalDecisionIssuer: _i,
      ...fields
    } = parsed.values;
    const plain = {
      ...fields,
      // "Đã dừng vận hành" is judged against the stored system (see plan); here only the other cells are checked.
      ...(fields.lifecycle === 'RETIRED' ? { lifecycle: 'IN_OPERATION' } : {}),
      ownerAgencyId: ownerId ?? UNKNOWN_AGENCY,
      ...(operatorAgencyCode === undefined ? {} : { operatorAgencyId: operatorId ?? UNKNOWN_AGENCY }),
    };
    // The sheet has already trimmed, NFC-normalised and upper-cased what the DTO's transforms would: assigning
    // skips class-transformer, which costs more than the validation itself on ten thousand rows.
    const dto = Object.assign(new CreateSystemDto(), plain);
    const reported = new Set(errors.map((e) => e.column));
    for (const [field, messages] of Object.entries(
      flattenValidationErrors(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true })),
    )) {
      const column = COLUMN_OF_FIELD[field.replace(/[.[].*$/, '')] ?? field;
      // A cell that could not be read is reported once, not again as "required".
      if (!reported.has(column)) errors.push(...messages.map((message) => ({ column, message })));
    }
    return dto;
  }

  /** SystemsCommandService.checked (agencies, access, the state-secret guardrail, the approval record) for one row. */
  private async check(
    context: PlanContext,
    values: SystemValues,
    current: InformationSystem | undefined,
    errors: SheetCellError[],
  ): Promise<SystemValues | undefined> {
    // Like PATCH: an officer edits only systems its agency owns or operates now, whatever the row says.
    if (current && !this.access.canWriteSystemOf(context.user, current)) {
      errors.push({ column: OWNER, message: 'cán bộ chỉ nhập hệ thống mà cơ quan mình là chủ quản hoặc đơn vị vận hành' });
      return undefined;
    }
    try {
      return await this.commands.checked(context.em, context.user, values, context.agencies);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const fields = Object.entries(error.errors ?? {});
      if (!fields.length) errors.push({ column: OWNER, message: error.detail ?? error.code });
      for (const [field, messages] of fields)
        errors.push(...messages.map((message) => ({ column: COLUMN_OF_FIELD[field] ?? field, message })));
      return undefined;
    }
  }

  /** Writes the plan; returns each row's system id, for the page's links. */
  private async write(em: EntityManager, user: AuthUser, plan: Plan, confirmPriorApprovals: boolean): Promise<Map<number, string>> {
    const audits: AuditEntry[] = [];
    const refs = refsOf(plan.agencies);
    const creates = plan.rows.filter((r) => r.action === 'CREATE');
    const written = new Map(
      (
        await insertSystems(
          em,
          creates.map((r) => r.values),
        )
      ).map((w) => [`${w.ownerAgencyId}|${w.code}`, w]),
    );
    for (const { values } of creates) {
      const { id, createdAt, updatedAt } = written.get(`${values.ownerAgencyId}|${values.code}`)!;
      const after = mapSystem({ ...values, id, stateSecret: values.infoTypes.includes('STATE_SECRET'), createdAt, updatedAt }, refs);
      audits.push({ action: 'IMPORT_CREATE', entityType: 'system', entityId: id, before: null, after });
    }
    const updates = plan.rows.filter((r) => r.action === 'UPDATE');
    const updatedAt = await updateSystems(
      em,
      updates.map((r) => ({ id: r.current!.id, values: r.values })),
    );
    for (const { current, values } of updates) {
      const { id, operatorAgencyId } = current!;
      if (values.operatorAgencyId !== operatorAgencyId)
        await moveCustody(em, id, values.ownerAgencyId, values.operatorAgencyId, this.clock.today());
      const before = mapSystem(current!, refs);
      const after = mapSystem({ ...current!, ...values, updatedAt: updatedAt.get(id)! }, refs);
      audits.push({ action: 'IMPORT_UPDATE', entityType: 'system', entityId: id, before, after });
    }
    const claims = plan.rows
      .filter((r) => r.claim)
      .map((r) => ({ systemId: r.current?.id ?? written.get(`${r.values.ownerAgencyId}|${r.values.code}`)!.id, decision: r.claim! }));
    audits.push(...(await recordImportedClaims(em, user, claims, confirmPriorApprovals, this.clock.now())));
    if (confirmPriorApprovals) {
      audits.push({
        action: 'IMPORT_CONFIRM_PRIOR_APPROVALS',
        entityType: 'user',
        entityId: user.id,
        after: { confirmPriorApprovals: true, confirmed: claims.length, systemIds: claims.map((c) => c.systemId) },
      });
    }
    await this.audit.recordMany(em, audits);
    for (const { current, values } of updates) {
      await this.commands.afterInfoTypesChange(em, user, current!.id, current!.infoTypes, values.infoTypes);
      await this.commands.flagRedetermination(em, user, current!, values);
    }
    return new Map(plan.rows.map((r) => [r.row, r.current?.id ?? written.get(`${r.values.ownerAgencyId}|${r.values.code}`)!.id]));
  }

  /** The same errors in the problem's usual `errors` shape, for clients that only read that. */
  private fieldErrors(errors: ImportRowErrorDto[]): FieldErrors {
    const result: FieldErrors = {};
    for (const { row, column, message } of errors) (result[`Dòng ${row}, cột ${column}`] ??= []).push(message);
    return result;
  }
}
