import { INestApplication, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_KEY } from '../../auth/auth.decorators';
import { RouteFacts } from './openapi-contract';

/**
 * Route metadata of every controller handler, keyed as @nestjs/swagger names operations by default
 * (`<Controller>_<method>`): whether the route is `@Public()`, read exactly where the auth guard reads it, and the status
 * it answers on success (`@HttpCode`, else Nest's default: 201 for POST, 200 otherwise).
 */
export function readRouteFacts(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller?.prototype) continue;
      const classPublic: unknown = Reflect.getMetadata(PUBLIC_KEY, controller);
      for (const key of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = Object.getOwnPropertyDescriptor(controller.prototype, key)?.value as unknown;
        if (key === 'constructor' || typeof handler !== 'function') continue;
        const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
        if (method === undefined) continue;
        // The handler's mark overrides the class's, as the guard's getAllAndOverride reads them.
        const routePublic: unknown = Reflect.getMetadata(PUBLIC_KEY, handler) ?? classPublic;
        const status: number | undefined = Reflect.getMetadata(HTTP_CODE_METADATA, handler);
        facts.set(`${controller.name}_${key}`, {
          public: routePublic === true,
          successStatus: status ?? (method === RequestMethod.POST ? 201 : 200),
        });
      }
    }
  }
  return facts;
}
