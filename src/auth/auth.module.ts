import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordChangeService } from './password-change.service';
import { RoleMappingsController } from './oidc/role-mappings.controller';
import { RoleMappingsService } from './oidc/role-mappings.service';
import { OidcClientService } from './oidc/oidc-client.service';
import { OidcSignInService } from './oidc/oidc-sign-in.service';
import { SessionsService } from './sessions/sessions.service';
import { UsersModule } from '../users/users.module';

@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      global: true,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a public key on every
        // verification and only falls back to an HMAC key after that throws (6–7 % of the server's CPU under load, issue 9).
        secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')),
        signOptions: { expiresIn: config.JWT_EXPIRES_IN_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, RoleMappingsController],
  providers: [
    AuthService,
    LoginThrottleService,
    SessionsService,
    PasswordChangeService,
    RoleMappingsService,
    OidcClientService,
    OidcSignInService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, SessionsService, PasswordChangeService, RoleMappingsService, OidcClientService, OidcSignInService],
})
export class AuthModule {}
