import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source';
import { ReportReadSource } from './read-replica';

/** The primary (DATABASE_URL) for everything, and where the reports read (the replica when there is one: read-replica.ts). */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.DATABASE_URL!), retryAttempts: 2, retryDelay: 500 }),
    }),
  ],
  providers: [ReportReadSource],
  exports: [ReportReadSource],
})
export class DatabaseModule {}
