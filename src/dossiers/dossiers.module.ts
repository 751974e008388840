import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ClassificationModule } from '../classification/classification.module';
import { RoutingModule } from '../routing/routing.module';
import { SystemsModule } from '../systems/systems.module';
import { DossierAttachmentsController } from './dossier-attachments.controller';
import { DossierAttachmentsService } from './dossier-attachments.service';
import { DossierCompletenessService } from './dossier-completeness.service';
import { DossierDocumentsController } from './dossier-documents.controller';
import { DossierDocumentsService } from './dossier-documents.service';
import { DossierDraftingService } from './dossier-drafting.service';
import { DossiersQueryService } from './dossiers-query.service';
import { DossiersController } from './dossiers.controller';

@Module({
  imports: [ClassificationModule, SystemsModule, RoutingModule, CalendarModule],
  controllers: [DossiersController, DossierAttachmentsController, DossierDocumentsController],
  providers: [DossiersQueryService, DossierDraftingService, DossierCompletenessService, DossierAttachmentsService, DossierDocumentsService],
  exports: [DossiersQueryService, DossierDraftingService, DossierCompletenessService, DossierAttachmentsService],
})
export class DossiersModule {}
