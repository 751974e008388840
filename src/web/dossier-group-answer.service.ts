import { Injectable } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { DossierDraftingService } from '../dossiers/dossier-drafting.service';
import { DossiersQueryService } from '../dossiers/dossiers-query.service';
import { DossierDto, UpdateDossierDto } from '../dossiers/dto/dossier.dto';
import { listRequirements } from '../requirements/catalogues/catalogue-registry';
import type { RequirementGroup } from '../requirements/catalogues/requirement.types';
import { TT12_GROUP_NAMES } from '../requirements/catalogues/tt12-2022.builder';
import { answerGroup } from '../requirements/plan-group-answer';
import { dossierDtoFromForm, dossierFormEcho, formFieldErrors } from './dossier-form';
import { DossierPageView } from './dossier-page-view.service';
import { FormBody, FormReader, formFailure, validated } from './form-input';
import { redirectWithFlash } from './page-session';

type DossierForm = ReturnType<typeof dossierDtoFromForm>;

/** What the group answers of one post did: the plan entries to save and, per group, how many requirements it answered. */
export interface GroupAnswersApplied {
  codes: string[];
  answered: { name: string; count: number }[];
}

/**
 * "Trả lời cả nhóm" on the dossier page (issue 21 point 3). The group controls sit in the editor's form, so a post
 * carries everything typed: the group's button answers its group, and "Lưu hồ sơ" / "Lưu lại" answers every group
 * whose answer was chosen (so an officer answers all groups and saves once). Saved with the rest of the form in one
 * update (nothing typed is lost), through the same update use case and version as "Lưu hồ sơ".
 */
@Injectable()
export class DossierGroupAnswerPage {
  constructor(
    private readonly dossiers: DossiersQueryService,
    private readonly drafting: DossierDraftingService,
    private readonly page: DossierPageView,
  ) {}

  async answer(user: AuthUser, req: Request, res: Response, id: string, body: FormBody): Promise<void> {
    const current = await this.dossiers.get(user, id);
    const group = String(body.nhom ?? '') as RequirementGroup;
    const form = dossierDtoFromForm(body, current);
    let codes = form.codes;
    try {
      if (!TT12_GROUP_NAMES[group] || !listRequirements(current.proposedLevel, current.catalogueId).some((r) => r.group === group))
        throw new DomainError('VALIDATION_FAILED', 'Không có nhóm yêu cầu này ở cấp độ đề xuất của hồ sơ.', {
          nhom: ['nhóm yêu cầu không hợp lệ'],
        });
      const applied = this.apply(current, form, [group]);
      codes = applied.codes;
      await this.drafting.update(user, id, await validated(UpdateDossierDto, form.plain, form.reader));
      const { name, count } = applied.answered[0];
      return redirectWithFlash(req, res, `/ho-so/${id}#nhom-${group}`, `Đã trả lời ${count} yêu cầu của nhóm "${name}".`);
    } catch (error) {
      const failure = formFailure(error);
      failure.errors = formFieldErrors(failure.errors, codes, form.rowOf);
      const status = error instanceof DomainError && error.code === 'VERSION_CONFLICT' ? 409 : 422;
      return this.page.render(user, req, res, current, { values: dossierFormEcho(body), failure, status });
    }
  }

  /**
   * Applies the group answers of a post to its plan entries (in place on `form.plain`): the named groups, or every group
   * whose answer was chosen. Throws VALIDATION_FAILED with the group's fields marked when an answer is incomplete.
   */
  apply(current: DossierDto, form: DossierForm, only?: readonly RequirementGroup[]): GroupAnswersApplied {
    const { plain, reader, levelChanged } = form;
    const requirements = listRequirements(current.proposedLevel, current.catalogueId);
    const groups = only ?? [...new Set(requirements.map((r) => r.group))].filter((g) => reader.text(`nhom.${g}.status`));
    if (!groups.length) return { codes: form.codes, answered: [] };
    if (levelChanged)
      throw new DomainError(
        'VALIDATION_FAILED',
        'Cấp độ đề xuất vừa đổi: hãy lưu hồ sơ trước, rồi trả lời cả nhóm theo danh mục của cấp độ mới.',
        Object.fromEntries(groups.map((g) => [`nhom.${g}.status`, ['hãy lưu hồ sơ với cấp độ mới trước']])),
      );
    const rows = requirements.map((r) => ({
      code: r.code,
      group: r.group,
      status: reader.text(`plan.${r.code}.status`) ?? null,
      text: reader.text(`plan.${r.code}.text`) ?? null,
    }));
    const answered: GroupAnswersApplied['answered'] = [];
    const errors: Record<string, string[]> = {};
    let entries = (plain.planEntries ?? []) as NonNullable<UpdateDossierDto['planEntries']>;
    for (const group of groups) {
      const result = answerGroup(rows, group, groupAnswerOf(reader, group));
      if (!result.ok) {
        for (const [field, messages] of Object.entries(result.errors)) errors[`nhom.${group}.${field}`] = messages;
        continue;
      }
      const done = new Set(result.entries.map((e) => e.code));
      entries = [...entries.filter((e) => !done.has(e.code)), ...(result.entries as typeof entries)];
      answered.push({ name: TT12_GROUP_NAMES[group], count: result.entries.length });
    }
    if (Object.keys(errors).length) {
      const names = groups
        .filter((g) => Object.keys(errors).some((k) => k.startsWith(`nhom.${g}.`)))
        .map((g) => `"${TT12_GROUP_NAMES[g]}"`);
      throw new DomainError('VALIDATION_FAILED', `Chưa trả lời được cả nhóm ${names.join(', ')}: xem các ô được đánh dấu.`, errors);
    }
    plain.planEntries = entries;
    return { codes: entries.map((e) => e.code), answered };
  }
}

function groupAnswerOf(reader: FormReader, group: RequirementGroup) {
  const base = `nhom.${group}`;
  return {
    status: reader.text(`${base}.status`) ?? null,
    plannedDate: reader.date(`${base}.plannedDate`, null) ?? null,
    text: reader.text(`${base}.text`) ?? null,
    scope: reader.text(`${base}.scope`) ?? null,
  };
}
