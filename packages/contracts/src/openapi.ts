import { createDocument } from 'zod-openapi';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { systemPaths } from './system';

/** Every domain's paths; a new contract file adds its `…Paths` here. */
const paths: ZodOpenApiPathsObject = {
  ...systemPaths,
};

export const buildOpenApiDocument = ({
  version,
  serverUrl,
}: {
  version: string;
  serverUrl?: string;
}) =>
  createDocument({
    openapi: '3.1.0',
    info: {
      title: 'LocalKart API',
      version,
      description:
        'LocalKart local-services marketplace. Every JSON response is the envelope `{ success, data?, error?, meta? }`.',
    },
    servers: serverUrl ? [{ url: serverUrl }] : [],
    paths,
  });
