import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { buildOpenApiDocument } from '@localkart/contracts/openapi';

/** OpenAPI 3.1 from the contracts' zod schemas, and Swagger UI served from our own origin. */
export const docsRoutes = ({ version }: { version: string }): Router => {
  const document = buildOpenApiDocument({ version });
  const router = Router();
  router.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use(
    '/api/docs',
    swaggerUi.serve,
    swaggerUi.setup(undefined, {
      customSiteTitle: 'LocalKart API',
      swaggerOptions: { url: '/api/openapi.json' },
    }),
  );
  return router;
};
