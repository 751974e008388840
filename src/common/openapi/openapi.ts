import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '../../config/app-config';
import { BEARER, completeDocument, Document } from './openapi-contract';
import { readRouteFacts } from './route-facts';

/** The product's licence as package.json says it: UNLICENSED, i.e. no licence granted (the URL says what the word means). */
const LICENSE = { name: 'UNLICENSED', url: 'https://docs.npmjs.com/cli/configuring-npm/package-json#license' };

/** Builds the OpenAPI document (served at /api/docs, /api/docs-json, /api/docs-yaml) and completes it into a contract. */
export function setUpOpenApi(app: INestApplication): void {
  const generated = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('capdo API')
      .setDescription(
        'Sổ đăng ký cấp độ an toàn hệ thống thông tin: cơ quan, hệ thống, hồ sơ đề xuất cấp độ, thẩm định, phê duyệt, báo cáo.',
      )
      .setVersion('1')
      .addBearerAuth(undefined, BEARER)
      .build(),
  );
  const document = completeDocument(generated as unknown as Document, readRouteFacts(app), {
    publicUrl: app.get(AppConfig).PUBLIC_URL,
    license: LICENSE,
  }) as unknown as OpenAPIObject;
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', yamlDocumentUrl: 'api/docs-yaml' });
}
