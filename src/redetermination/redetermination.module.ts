import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing/routing.module';
import { RedeterminationReviewService } from './redetermination-review.service';
import { RedeterminationController } from './redetermination.controller';
import { RedeterminationService } from './redetermination.service';

/** Re-determination flags (ND331 Art. 25). Imported by Systems and Workflow for their hooks; imports neither (no cycles). */
@Module({
  imports: [RoutingModule],
  controllers: [RedeterminationController],
  providers: [RedeterminationService, RedeterminationReviewService],
  exports: [RedeterminationService, RedeterminationReviewService],
})
export class RedeterminationModule {}
