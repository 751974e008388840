import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { Question } from '../classification/rules/questionnaire';
import { Regime } from '../classification/rules/classification.types';
import { regimeAtAct } from '../classification/rules/regime';
import { Clock } from '../common/clock';
import { DomainError, FieldErrors } from '../common/errors/domain-error';
import { uuidPipe } from '../common/http/uuid-pipe';
import { DossierDraftingService, factsFromSystem } from '../dossiers/dossier-drafting.service';
import { DossierDto } from '../dossiers/dto/dossier.dto';
import { MAX_NOTE_TO_APPRAISER } from '../dossiers/proposal-rules';
import { toNfc } from '../common/text/vietnamese';
import { SystemDto } from '../systems/dto/system.dto';
import { ClassificationService } from '../classification/classification.service';
import { DossiersQueryService } from '../dossiers/dossiers-query.service';
import { SystemsQueryService } from '../systems/systems-query.service';
import { FormBody, FormFailure, formFailure } from './form-input';
import {
  Answers,
  answerLabel,
  answerState,
  applicable,
  canEvaluate,
  isAnswered,
  nationalListNotice,
  nextStep,
  proposalGuide,
  readAnswers,
  readMove,
  showsLevel,
  suggestedJustification,
  unansweredMandatory,
} from './level-wizard';
import { PageRenderer } from './page-renderer.service';
import { redirectWithFlash } from './page-session';
import { WebPages } from './web-page.decorator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface WizardState {
  system: SystemDto;
  dossier?: DossierDto;
  regime: Regime;
  title: string;
  questions: Question[];
}

/**
 * The level questionnaire, one question per step (only those askWhen calls for), with the level and the articles
 * recomputed by the evaluator as the officer answers (htmx refreshes the result panel on every change). The last
 * step proposes the level and creates the draft dossier, or updates the facts of an existing draft.
 */
@WebPages()
@Controller('he-thong/:id/xac-dinh-cap-do')
export class WizardPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly systems: SystemsQueryService,
    private readonly dossiers: DossiersQueryService,
    private readonly drafting: DossierDraftingService,
    private readonly classification: ClassificationService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @RequirePermission('dossier:write')
  async start(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Query('hoSo') dossierId?: string,
  ): Promise<void> {
    const state = await this.state(user, id, dossierId);
    const initial = state.dossier ? (state.dossier.classification as { facts: Answers }).facts : await this.systemFacts(user, id);
    const { asked, answers } = applicable(state.questions, initial);
    const proposal = state.dossier
      ? {
          proposedLevel: String(state.dossier.proposedLevel),
          levelJustification: state.dossier.levelJustification,
          noteToAppraiser: state.dossier.noteToAppraiser,
        }
      : {};
    return this.render(req, res, state, asked, answers, 0, {}, proposal, { answeredOnPage: false });
  }

  @Post()
  @RequirePermission('dossier:write')
  async answer(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const state = await this.state(user, id, typeof body.hoSo === 'string' ? body.hoSo : undefined);
    const read = readAnswers(state.questions, body);
    const { asked, answers } = applicable(state.questions, read.answers);
    const move = readMove(body.di);
    const { step, errors } = nextStep(asked, answers, Number(body.buoc) || 0, move, read.errors);
    const proposal = {
      proposedLevel: String(body.proposedLevel ?? ''),
      levelJustification: String(body.levelJustification ?? ''),
      noteToAppraiser: String(body.noteToAppraiser ?? ''),
    };
    if (move.kind === 'finish' && step === asked.length && !Object.keys(errors).length) {
      try {
        const dossierId = await this.saveDossier(user, state, answers, proposal);
        return redirectWithFlash(
          req,
          res,
          `/ho-so/${dossierId}`,
          state.dossier
            ? 'Đã cập nhật kết quả xác định cấp độ của hồ sơ.'
            : 'Đã lập hồ sơ đề xuất cấp độ (dự thảo). Hãy hoàn thiện các phần còn thiếu rồi gửi thẩm định.',
        );
      } catch (error) {
        const failure = formFailure(error);
        return this.render(req, res, state, asked, answers, step, failure.errors, proposal, { answeredOnPage: true, failure }, 422);
      }
    }
    const status = Object.keys(errors).length ? 422 : 200;
    return this.render(req, res, state, asked, answers, step, errors, proposal, { answeredOnPage: true }, status);
  }

  private async saveDossier(
    user: AuthUser,
    state: WizardState,
    facts: Answers,
    proposal: { proposedLevel: string; levelJustification: string; noteToAppraiser: string },
  ): Promise<string> {
    const proposedLevel = /^[1-5]$/.test(proposal.proposedLevel) ? Number(proposal.proposedLevel) : undefined;
    const levelJustification = proposal.levelJustification.trim() || undefined;
    const noteToAppraiser = toNfc(proposal.noteToAppraiser.trim());
    // The page calls the use case directly, so the API's length limit is applied here too.
    if (noteToAppraiser.length > MAX_NOTE_TO_APPRAISER) {
      throw new DomainError('VALIDATION_FAILED', 'Ý kiến gửi đơn vị thẩm định quá dài.', {
        noteToAppraiser: [`tối đa ${MAX_NOTE_TO_APPRAISER} ký tự`],
      });
    }
    if (state.dossier) {
      await this.drafting.update(user, state.dossier.id, {
        version: state.dossier.version,
        facts,
        proposedLevel,
        levelJustification: levelJustification ?? '',
        noteToAppraiser,
      });
      return state.dossier.id;
    }
    const created = await this.drafting.create(user, {
      systemId: state.system.id,
      facts,
      proposedLevel,
      levelJustification,
      noteToAppraiser,
    });
    return created.id;
  }

  private async state(user: AuthUser, systemId: string, dossierId: string | undefined): Promise<WizardState> {
    const system = await this.systems.get(user, systemId);
    let dossier: DossierDto | undefined;
    if (dossierId) {
      if (!UUID.test(dossierId)) throw new DomainError('NOT_FOUND', 'Không tìm thấy hồ sơ đề xuất cấp độ.');
      dossier = await this.dossiers.get(user, dossierId);
      if (dossier.system.id !== system.id) throw new DomainError('NOT_FOUND', 'Không tìm thấy hồ sơ đề xuất cấp độ.');
    }
    // The answers are a new act of classification: asked under the regime of today for this system (docs/legal/regime-by-act.md).
    const questionnaire = this.classification.questionnaire({ regime: regimeAtAct(this.clock.today(), system).regime });
    return { system, dossier, regime: questionnaire.regime, title: questionnaire.title, questions: questionnaire.questions as Question[] };
  }

  private async systemFacts(user: AuthUser, id: string): Promise<Answers> {
    return factsFromSystem(await this.systems.findVisible(user, id));
  }

  private evaluate(regime: Regime, answers: Answers): { result?: ReturnType<ClassificationService['evaluate']>; problems?: FieldErrors } {
    if (!canEvaluate(answers)) return {};
    try {
      return { result: this.classification.evaluate({ regime, facts: answers }) };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CLASSIFICATION_FACTS_INVALID') return { problems: error.errors ?? {} };
      throw error;
    }
  }

  private render(
    req: Request,
    res: Response,
    state: WizardState,
    asked: Question[],
    answers: Answers,
    step: number,
    errors: FieldErrors,
    proposal: object,
    page: { answeredOnPage: boolean; failure?: FormFailure },
    status = 200,
  ): Promise<void> {
    const failure = page.failure;
    // No level before the officer's first answer: facts copied from the registration are not answers yet.
    const levelShown = showsLevel({ answeredOnPage: page.answeredOnPage, updatingDossier: !!state.dossier });
    const evaluation = levelShown ? this.evaluate(state.regime, answers) : {};
    const onSummary = step >= asked.length;
    const summary = asked.map((q, index) => ({
      index,
      question: q,
      label: answerLabel(q, answers[q.id]),
      answered: isAnswered(answers, q.id),
      state: answerState(q, answers, index, onSummary ? asked.length : step),
    }));
    const nationalList = evaluation.result && nationalListNotice(evaluation.result);
    return this.view.render(
      req,
      res,
      'wizard',
      {
        ...state,
        asked,
        answers,
        step,
        errors,
        evaluation,
        nationalList,
        summary,
        levelShown,
        mandatoryLeft: unansweredMandatory(asked, answers).length,
        proposal,
        guide: proposalGuide(evaluation.result),
        suggestedJustification: suggestedJustification(evaluation.result),
        failure,
      },
      status,
    );
  }
}
