import { createDocument } from 'zod-openapi';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { adminPaths } from './admin';
import { aiPaths } from './ai';
import { authPaths } from './auth';
import { bookingsPaths } from './bookings';
import { messagesPaths } from './messages';
import { notificationsPaths } from './notifications';
import { oidcPaths } from './oidc';
import { paymentsPaths } from './payments';
import { providerAnalyticsPaths } from './provider-analytics';
import { providersPaths } from './providers';
import { reviewsPaths } from './reviews';
import { searchPaths } from './search';
import { searchSuggestionsPaths } from './search-suggestions';
import { searchRecommendationsPaths } from './search-recommendations';
import { systemPaths } from './system';
import { taxonomyPaths } from './taxonomy';
import { usersPaths } from './users';

/** Every domain's paths; a new contract file adds its `…Paths` here. */
const paths: ZodOpenApiPathsObject = {
  ...systemPaths,
  ...authPaths,
  ...aiPaths,
  ...oidcPaths,
  ...usersPaths,
  ...taxonomyPaths,
  ...providerAnalyticsPaths,
  ...providersPaths,
  ...reviewsPaths,
  ...searchPaths,
  ...searchSuggestionsPaths,
  ...searchRecommendationsPaths,
  ...paymentsPaths,
  ...bookingsPaths,
  ...messagesPaths,
  ...adminPaths,
  ...notificationsPaths,
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
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  });
