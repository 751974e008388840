import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { RequestLimits } from './http/request-limits';

/** Cross-cutting providers every feature may inject. */
@Global()
@Module({ providers: [Clock, RequestLimits], exports: [Clock, RequestLimits] })
export class CommonModule {}
