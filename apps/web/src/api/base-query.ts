import { createBaseQuery } from '@localkart/web-kit/base-query';

export const baseQuery = createBaseQuery();
