import { Module } from '@nestjs/common';
import { UsersService } from './users.service';

/** Accounts: the owner of the `users` table. Imports nothing, so any feature may import it without a cycle. */
@Module({ providers: [UsersService], exports: [UsersService] })
export class UsersModule {}
