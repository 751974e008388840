import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { PERMISSION_KEY, PUBLIC_KEY } from '../../../src/auth/auth.decorators';
import { PAGE_KEY } from '../../../src/auth/auth.guard';
import { Permission } from '../../../src/auth/permissions';

export interface RegisteredRoute {
  method: string;
  /** With `:param` placeholders, as Nest registers it. */
  path: string;
  isPublic: boolean;
  isPage: boolean;
  permission?: Permission;
}

/** Every route of every controller of the running application, with the permission it declares. */
export function registeredRoutes(app: NestExpressApplication): RegisteredRoute[] {
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
  const scanner = new MetadataScanner();
  const reflector = app.get(Reflector);
  const routes: RegisteredRoute[] = [];
  for (const wrapper of controllers) {
    const prototype = Object.getPrototypeOf(wrapper.instance as object);
    const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype as object) ?? '');
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler);
      if (path === undefined) continue;
      const targets = [handler, wrapper.metatype as object];
      routes.push({
        method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number],
        path: `/${base}/${path}`.replace(/\/+/g, '/').replace(/\/$/, ''),
        isPublic: reflector.getAllAndOverride(PUBLIC_KEY, targets) === true,
        isPage: reflector.getAllAndOverride(PAGE_KEY, targets) === true,
        permission: reflector.getAllAndOverride(PERMISSION_KEY, targets),
      });
    }
  }
  return routes;
}
