import { applyDecorators, SetMetadata, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PAGE_KEY } from '../auth/auth.guard';
import { CsrfGuard } from './csrf.guard';
import { PageErrorFilter } from './page-error.filter';

/**
 * A controller of web pages: the session cookie signs in (AuthGuard), posts need the CSRF token, errors render as
 * pages, and the routes stay out of the OpenAPI document. Each route still declares @RequirePermission or @Public.
 */
export const WebPages = () =>
  applyDecorators(SetMetadata(PAGE_KEY, true), UseGuards(CsrfGuard), UseFilters(PageErrorFilter), ApiExcludeController());
