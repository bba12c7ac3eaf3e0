import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { type Express } from 'express';

/** The HTTP side of the gateway before it listens: cookies, the proxy, the OpenAPI document. */
export function configureHttpApi(app: INestApplication, settings: { trustProxy: boolean }): void {
  const express = app.getHttpAdapter().getInstance() as Express;
  // Behind the city's proxy, X-Forwarded-For and -Proto give the client's address and https.
  express.set('trust proxy', settings.trustProxy ? 1 : false);
  express.disable('x-powered-by');
  app.use(cookieParser());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('MedGrid portal API')
      .setDescription(
        'The HTTP/JSON API of the city operations portal. Sign in with POST /api/auth/sign-in; the session is an ' +
          'httpOnly cookie, and every state-changing request carries the X-CSRF-Token header. Errors are ' +
          '{ "error": { code, message, detail?, reason?, fields } }, the message in zh-CN or (Accept-Language) en.',
      )
      .setVersion('1')
      .addCookieAuth('medgrid_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}
