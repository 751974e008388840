import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { PERMISSION_KEY, PUBLIC_KEY } from '../src/auth/auth.decorators';
import { PAGE_KEY } from '../src/auth/auth.guard';
import { PERMISSIONS } from '../src/auth/permissions';
import { createTestApp, expectProblem, TestApp } from './support/test-app';

interface Route {
  method: string;
  path: string;
  isPublic: boolean;
  /** A web page (src/web): signs in by session cookie, answers with pages and redirects. */
  isPage: boolean;
  permission?: string;
}

/** Every route of every controller, with what it declares. */
function registeredRoutes(t: TestApp): Route[] {
  const controllers = [...t.app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
  const scanner = new MetadataScanner();
  const reflector = t.app.get(Reflector);
  const routes: Route[] = [];
  for (const wrapper of controllers) {
    const instance = wrapper.instance as object;
    const prototype = Object.getPrototypeOf(instance);
    const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype as object) ?? '');
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler);
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      routes.push({
        method,
        path: `/${base}/${path}`.replace(/\/+/g, '/').replace(/\/$/, ''),
        isPublic: reflector.getAllAndOverride(PUBLIC_KEY, [handler, wrapper.metatype as object]) === true,
        isPage: reflector.getAllAndOverride(PAGE_KEY, [handler, wrapper.metatype as object]) === true,
        permission: reflector.getAllAndOverride(PERMISSION_KEY, [handler, wrapper.metatype as object]),
      });
    }
  }
  return routes;
}

describe('deny by default', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('finds the routes', () => {
    expect(registeredRoutes(t).length).toBeGreaterThan(5);
  });

  it('every route is either explicitly public or declares a known permission', () => {
    const undeclared = registeredRoutes(t).filter(
      (r) => !r.isPublic && !(r.permission && (PERMISSIONS as readonly string[]).includes(r.permission)),
    );
    expect(undeclared).toEqual([]);
  });

  it('only sign-in (API, page and single sign-on) and health are public', () => {
    const publicRoutes = registeredRoutes(t)
      .filter((r) => r.isPublic)
      .map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes.sort()).toEqual([
      'GET /api/health',
      'GET /dang-nhap',
      'GET /dang-nhap/sso',
      'GET /dang-nhap/sso/ve',
      'POST /api/v1/auth/login',
      'POST /dang-nhap',
    ]);
  });

  it('keeps the API under /api and the web pages outside it', () => {
    const misplaced = registeredRoutes(t).filter((r) => r.isPage === r.path.startsWith('/api'));
    expect(misplaced).toEqual([]);
    expect(registeredRoutes(t).filter((r) => r.isPage).length).toBeGreaterThan(5);
  });

  it('every non-public API route answers 401 problem+json without a token', async () => {
    for (const route of registeredRoutes(t).filter((r) => !r.isPublic && !r.isPage)) {
      const path = route.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.http()[route.method.toLowerCase() as 'get'](path).send({});
      expectProblem(res, 401, 'UNAUTHENTICATED');
    }
  });

  it('every non-public page sends a visitor without a session to the sign-in page', async () => {
    for (const route of registeredRoutes(t).filter((r) => !r.isPublic && r.isPage)) {
      const path = route.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.http()[route.method.toLowerCase() as 'get'](path).type('form').send({});
      expect({ route: `${route.method} ${route.path}`, status: res.status, location: res.headers.location }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 303,
        location: expect.stringMatching(/^\/dang-nhap(\?|$)/),
      });
    }
  });
});
