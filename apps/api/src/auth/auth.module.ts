import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '../config/app.config';
import { APP_CONFIG } from '../config/config.module';
import { SubmissionSignatureGuard } from '../submissions/submission-signature.guard';
import { RequestLimitsGuard } from '../http/request-limits.guard';
import { adminTokenHash } from './admin-token';
import { CREDENTIAL_KEY, loadCredentialKey } from './credential-key';
import { ADMIN_TOKEN_HASH, BearerAuthGuard } from './bearer-auth.guard';
import { ListPrincipalsHttpController } from './list-principals/list-principals.http.controller';
import { PrincipalLifecycleHttpController } from './principal-lifecycle/principal-lifecycle.http.controller';
import { RegisterPrincipalHttpController } from './register-principal/register-principal.http.controller';
import { WritePrincipalHandler } from './register-principal/write-principal.command';

/**
 * Who is calling: bearer tokens of registered principals, then a party's submission signature, then
 * the request limits (writes and heavy reads, per principal and per client address). The guards are registered here, in that order, because each reads what
 * the first found.
 */
@Module({
  controllers: [RegisterPrincipalHttpController, PrincipalLifecycleHttpController, ListPrincipalsHttpController],
  providers: [
    {
      provide: ADMIN_TOKEN_HASH,
      useFactory: (c: AppConfig) => adminTokenHash(c.dataDir, process.env, c.announceAdminToken, c.dataDirKeptRecord),
      inject: [APP_CONFIG],
    },
    {
      provide: CREDENTIAL_KEY,
      useFactory: (c: AppConfig) => loadCredentialKey(c.dataDir, process.env),
      inject: [APP_CONFIG],
    },
    { provide: APP_GUARD, useClass: BearerAuthGuard },
    { provide: APP_GUARD, useClass: SubmissionSignatureGuard },
    { provide: APP_GUARD, useClass: RequestLimitsGuard },
    WritePrincipalHandler,
  ],
  exports: [CREDENTIAL_KEY],
})
export class AuthModule {}
